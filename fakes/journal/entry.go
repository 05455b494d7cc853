// Package journal is the request journal of one world (a tenant): every
// request that reached the tenant on any face — EWS, IMAP, SIP, UCWA, the
// admin cmdlets and the control plane — with the world's time and the real
// time, the face, the operation, the caller, a summary of the request's
// key fields (the mailbox, the folder, DeliverMeetingRequests, the C3P
// from, ...), the answer's status and code, the scripted fault that fired
// and, when the answer was a throttling refusal, the back-off it asked for
// and whether the caller had retried too early.
//
// The faces do not call the journal themselves: each face's one request
// log point (package wirelog and fakes/tenant.Serve for HTTP, the IMAP
// command wrapper, the SIP message loop) records the entry the request's
// wirelog.Note describes. A Journal keeps the newest Limit entries and
// counts the ones it let go; a nil *Journal records nothing (a world
// built with the journal off).
package journal

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Entry is one request and its answer.
type Entry struct {
	Seq      uint64        `json:"seq"`
	At       time.Time     `json:"at"`   // the world's time when it was answered
	Wall     time.Time     `json:"wall"` // real time when it was answered
	Face     string        `json:"face"` // control, ews, imap, sip, ucwa or admin
	Op       string        `json:"op"`   // the EWS operation, IMAP command, SIP method or C3P command, UCWA resource, cmdlet, control route
	Identity string        `json:"identity,omitempty"`
	Fields   Fields        `json:"fields,omitempty"` // the request's key fields
	Status   string        `json:"status"`           // the HTTP or SIP status, or OK, NO, BAD, BYE; "dropped" when unanswered
	Code     string        `json:"code,omitempty"`   // the protocol's code: EWS ResponseCode, ms-diagnostics id, UCWA subcode, control kind, IMAP response code
	Fault    *Fault        `json:"fault,omitempty"`
	Throttle *Throttle     `json:"throttle,omitempty"`
	Duration time.Duration `json:"duration"` // real time spent serving it
}

// Fault is the scripted fault (package faults) that fired on a request.
type Fault struct {
	ID   int    `json:"id"`
	Code string `json:"code,omitempty"`
	Drop bool   `json:"drop,omitempty"`
}

// Throttle says why a request was refused to throttle its caller and what
// back-off the answer asked for.
type Throttle struct {
	// Reason is budget (over the burst and cutoff), concurrency (too many
	// requests at once), early-retry (sent before an earlier back-off had
	// passed) or scripted (a scripted fault with a back-off).
	Reason string `json:"reason"`
	// BackOff is the back-off this answer asked for (BackOffMilliseconds,
	// Retry-After); zero when it named none.
	BackOff time.Duration `json:"backOff,omitempty"`
	// Early is set on an early retry; Waited is how long after the
	// refusal it came (on the world's clock) and Told the back-off that
	// refusal had asked for.
	Early  bool          `json:"early,omitempty"`
	Waited time.Duration `json:"waited,omitempty"`
	Told   time.Duration `json:"told,omitempty"`
	// Note says it in words: "retried after 200 ms; back-off was 5000 ms".
	Note string `json:"note,omitempty"`
}

// EarlyNote is the note of an early retry that came waited after a
// refusal that asked for told.
func EarlyNote(waited, told time.Duration) string {
	return fmt.Sprintf("retried after %d ms; back-off was %d ms", waited.Milliseconds(), told.Milliseconds())
}

// String formats the entry as one line: sequence, world time, face,
// operation, caller, fields, the answer, the fault and the throttling.
func (e Entry) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "#%d %s %s %s", e.Seq, e.At.Format("15:04:05.000"), e.Face, e.Op)
	if e.Identity != "" {
		b.WriteString(" from " + e.Identity)
	}
	if f := e.FieldList(); f != "" {
		b.WriteString(" " + f)
	}
	b.WriteString(" → " + e.Status)
	if e.Code != "" {
		b.WriteString(" " + e.Code)
	}
	if e.Fault != nil {
		fmt.Fprintf(&b, " [scripted fault %d]", e.Fault.ID)
	}
	if t := e.Throttle; t != nil {
		b.WriteString(" [" + t.Reason)
		if t.BackOff > 0 {
			fmt.Fprintf(&b, ", back-off %d ms", t.BackOff.Milliseconds())
		}
		if t.Note != "" {
			b.WriteString("; " + t.Note)
		}
		b.WriteString("]")
	}
	return b.String()
}

// FieldList writes the fields as name=value, sorted by name.
func (e Entry) FieldList() string {
	fields := append(Fields(nil), e.Fields...)
	sort.Slice(fields, func(i, j int) bool { return fields[i].Name < fields[j].Name })
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = f.Name + "=" + f.Value
	}
	return strings.Join(parts, " ")
}
