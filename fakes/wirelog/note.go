package wirelog

import (
	"context"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/journal"
)

// Field records one key field of the request (the mailbox, the folder,
// the C3P from, ...); an empty value is not recorded. A no-op without a
// Note.
func Field(ctx context.Context, name, value string) { noteOf(ctx).SetField(name, value) }

// Code records the protocol's code of the answer (an EWS ResponseCode, a
// UCWA subcode, a control-plane kind). A no-op without a Note.
func Code(ctx context.Context, code string) { noteOf(ctx).SetCode(code) }

// Fault records the scripted fault that decided the answer. A no-op
// without a Note.
func Fault(ctx context.Context, f journal.Fault) { noteOf(ctx).SetFault(f) }

// Throttled records that the answer refused the request to throttle its
// caller. A no-op without a Note.
func Throttled(ctx context.Context, t journal.Throttle) { noteOf(ctx).SetThrottle(t) }

// SetOp records the operation and, when not "", the caller.
func (n *Note) SetOp(op, identity string) {
	if n == nil {
		return
	}
	n.mu.Lock()
	n.op = op
	if identity != "" {
		n.identity = identity
	}
	n.mu.Unlock()
}

// maxFields is how many key fields a Note keeps; more are not recorded.
const maxFields = 6

// SetField records one key field (again: replaces its value); an empty
// value is not recorded.
func (n *Note) SetField(name, value string) {
	if n == nil || value == "" {
		return
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	for i := 0; i < n.nfields; i++ {
		if n.fields[i].Name == name {
			n.fields[i].Value = value
			return
		}
	}
	if n.nfields < maxFields {
		n.fields[n.nfields] = journal.Field{Name: name, Value: value}
		n.nfields++
	}
}

// SetCode records the answer's code (the first one set stays: the most
// specific part of a face sets it first).
func (n *Note) SetCode(code string) {
	if n == nil || code == "" {
		return
	}
	n.mu.Lock()
	if n.code == "" {
		n.code = code
	}
	n.mu.Unlock()
}

// SetFault records the scripted fault that fired.
func (n *Note) SetFault(f journal.Fault) {
	if n == nil {
		return
	}
	n.mu.Lock()
	n.fault = &f
	n.mu.Unlock()
}

// SetThrottle records a throttling refusal.
func (n *Note) SetThrottle(t journal.Throttle) {
	if n == nil {
		return
	}
	n.mu.Lock()
	n.throttle = &t
	n.mu.Unlock()
}

// Op returns the operation recorded so far.
func (n *Note) Op() string {
	if n == nil {
		return ""
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.op
}

// Entry is the journal entry of the request the Note describes, answered
// with status at the world's time at after taking d of real time.
func (n *Note) Entry(face, status string, at time.Time, d time.Duration) journal.Entry {
	n.mu.Lock()
	defer n.mu.Unlock()
	var fields journal.Fields
	if n.nfields > 0 {
		fields = append(make(journal.Fields, 0, n.nfields), n.fields[:n.nfields]...)
	}
	return journal.Entry{At: at, Wall: clock.Wall(), Face: face, Op: n.op, Identity: n.identity, Fields: fields,
		Status: status, Code: n.code, Fault: n.fault, Throttle: n.throttle, Duration: d}
}
