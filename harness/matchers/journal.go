package matchers

import (
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fakes/journal"
)

// nearMisses is how many closest entries a failure message lists.
const nearMisses = 5

// JournalMatcher is the Gomega matcher HaveReceived returns: it looks for
// a journaled request (package journal) and, when none is there, names the
// closest entries, so that a vendor sees what their client sent instead.
// Its methods narrow what it looks for and return it.
type JournalMatcher struct {
	face, op, identity string
	fields             [][2]string // wanted key fields, in the order given
	status, code       string
	early              bool
	found              []journal.Entry
	near               []string
	total              int
}

// HaveReceived succeeds when the journal holds a request of operation op
// (an EWS operation, IMAP command, SIP method or C3P command, UCWA
// resource, cmdlet or control route; case-insensitive) that meets every
// narrowing: HaveReceived("CreateItem").In("manager", "calendar").From("assistant").
// The actual value is a world or anything with Journal() *journal.Journal,
// a *journal.Journal, []journal.Entry, or the control plane's api.Journal
// or []api.JournalEntry (harness/remote's Journal).
func HaveReceived(op string) *JournalMatcher { return &JournalMatcher{op: op} }

// On narrows to one face: ews, imap, sip, ucwa, admin or control.
func (m *JournalMatcher) On(face string) *JournalMatcher { m.face = face; return m }

// From narrows to one caller: an address, a SIP URI or an alias.
func (m *JournalMatcher) From(identity string) *JournalMatcher { m.identity = identity; return m }

// In narrows to requests on a mailbox's folder (a DistinguishedFolderId
// such as calendar; "" any folder).
func (m *JournalMatcher) In(mailbox, folder string) *JournalMatcher {
	m.With("mailbox", mailbox)
	if folder != "" {
		m.With("folder", folder)
	}
	return m
}

// OnBehalfOf narrows to requests made for someone else: a SIP C3P request
// whose from (the organizer) is user.
func (m *JournalMatcher) OnBehalfOf(user string) *JournalMatcher { return m.With("from", user) }

// With narrows to requests whose key field name has value (users compare
// as users, other values case-insensitively).
func (m *JournalMatcher) With(name, value string) *JournalMatcher {
	m.fields = append(m.fields, [2]string{name, value})
	return m
}

// AnsweredWith narrows to answers of a status: an HTTP or SIP status
// ("403"), OK, NO, BAD or BYE.
func (m *JournalMatcher) AnsweredWith(status string) *JournalMatcher { m.status = status; return m }

// RefusedWith narrows to answers of a code: an EWS ResponseCode, an
// ms-diagnostics id ("4268"), a UCWA subcode, a control-plane kind.
func (m *JournalMatcher) RefusedWith(code string) *JournalMatcher { m.code = code; return m }

// RetriedEarly narrows to requests refused because they came before the
// back-off an earlier answer had asked for.
func (m *JournalMatcher) RetriedEarly() *JournalMatcher { m.early = true; return m }

// Match implements types.GomegaMatcher.
func (m *JournalMatcher) Match(actual any) (bool, error) {
	entries, err := journalEntries(actual)
	if err != nil {
		return false, err
	}
	m.found, m.near, m.total = nil, nil, len(entries)
	for _, e := range entries {
		if len(m.misses(e)) == 0 {
			m.found = append(m.found, e)
		}
	}
	if len(m.found) == 0 {
		m.near = m.closest(entries)
	}
	return len(m.found) > 0, nil
}

// FailureMessage lists the closest entries.
func (m *JournalMatcher) FailureMessage(any) string {
	head := "Expected the journal to hold " + m.String() + "\n"
	switch {
	case m.total == 0:
		return head + "but the journal is empty"
	case len(m.near) == 0:
		return head + fmt.Sprintf("but none of its %d entries has that operation or that caller", m.total)
	}
	return head + "but it holds none; the closest entries:\n  " + strings.Join(m.near, "\n  ")
}

// NegatedFailureMessage lists the entries that matched.
func (m *JournalMatcher) NegatedFailureMessage(any) string {
	lines := make([]string, len(m.found))
	for i, e := range m.found {
		lines[i] = e.String()
	}
	return "Expected the journal not to hold " + m.String() + "\nbut it holds:\n  " + strings.Join(lines, "\n  ")
}

// String says what the matcher looks for, as a phrase.
func (m *JournalMatcher) String() string {
	var b strings.Builder
	if m.face != "" {
		b.WriteString(m.face + " ")
	}
	b.WriteString(m.op)
	mailbox, folder := m.want("mailbox"), m.want("folder")
	switch {
	case mailbox != "" && folder != "":
		fmt.Fprintf(&b, " in %s's %s", mailbox, folder)
	case mailbox != "":
		fmt.Fprintf(&b, " on %s's mailbox", mailbox)
	}
	if from := m.want("from"); from != "" {
		b.WriteString(" on behalf of " + from)
	}
	for _, f := range m.fields {
		if f[0] != "mailbox" && f[0] != "folder" && f[0] != "from" {
			fmt.Fprintf(&b, " with %s=%s", f[0], f[1])
		}
	}
	if m.identity != "" {
		b.WriteString(" from " + m.identity)
	}
	if m.status != "" {
		b.WriteString(" answered " + m.status)
	}
	if m.code != "" {
		b.WriteString(" refused with " + m.code)
	}
	if m.early {
		b.WriteString(" retried before its back-off")
	}
	return b.String()
}

func (m *JournalMatcher) want(name string) string {
	for _, f := range m.fields {
		if f[0] == name {
			return f[1]
		}
	}
	return ""
}

// journalEntries reads the journal out of what a matcher was given.
func journalEntries(actual any) ([]journal.Entry, error) {
	switch a := actual.(type) {
	case interface{ Journal() *journal.Journal }:
		return a.Journal().All(), nil
	case *journal.Journal:
		return a.All(), nil
	case []journal.Entry:
		return a, nil
	case api.Journal:
		return fromAPI(a.Entries), nil
	case []api.JournalEntry:
		return fromAPI(a), nil
	}
	return nil, fmt.Errorf("matchers: want a journal (a world, *journal.Journal, []journal.Entry, api.Journal or []api.JournalEntry), got %T", actual)
}

func fromAPI(list []api.JournalEntry) []journal.Entry {
	out := make([]journal.Entry, len(list))
	for i, e := range list {
		out[i] = journal.Entry{Seq: e.Seq, At: e.At, Wall: e.Wall, Face: e.Face, Op: e.Op, Identity: e.Identity, Fields: journal.FieldsOf(e.Fields), Status: e.Status, Code: e.Code}
		if e.Fault != nil {
			out[i].Fault = &journal.Fault{ID: e.Fault.ID, Code: e.Fault.Code, Drop: e.Fault.Drop}
		}
		if t := e.Throttle; t != nil {
			out[i].Throttle = &journal.Throttle{Reason: t.Reason, Early: t.Early, Note: t.Note}
		}
	}
	return out
}
