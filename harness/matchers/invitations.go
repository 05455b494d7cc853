package matchers

import (
	"fmt"
	"strings"

	"github.com/onsi/gomega/types"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// InvitationWant narrows HaveInvitation; zero fields match anything.
type InvitationWant struct {
	Subject string // exactly
	From    string // the author: the manager when sent on behalf (alias, address)
	Sender  string // the delegate who sent it on behalf; "-" = sent by the author
	// Online asks for Lync join details (the meeting's join URL in the
	// message).
	Online bool
}

func exchangeOf(actual any) (*exchange.Store, error) {
	switch s := actual.(type) {
	case *exchange.Store:
		return s, nil
	case interface{ Exchange() *exchange.Store }:
		return s.Exchange(), nil
	}
	return nil, fmt.Errorf("matchers: want a world or an *exchange.Store, got %T", actual)
}

// HaveInvitation succeeds when mailbox's Inbox holds a meeting request
// that matches want. The actual value is a world (anything with
// Exchange()) or an *exchange.Store. On failure it lists the meeting
// requests the Inbox holds.
func HaveInvitation(mailbox string, want InvitationWant) types.GomegaMatcher {
	return newMatcher(fmt.Sprintf("an invitation in %s's Inbox %s", mailbox, want), func(actual any) (bool, string, error) {
		st, err := exchangeOf(actual)
		if err != nil {
			return false, "", err
		}
		msgs, err := st.Messages(mailbox, mailbox, exchange.Inbox)
		if err != nil {
			return false, "", err
		}
		var seen []string
		for _, m := range msgs {
			if m.CalendarItemID == "" {
				continue
			}
			if want.matches(m) {
				return true, "", nil
			}
			seen = append(seen, describeInvitation(m))
		}
		return false, fmt.Sprintf("%d meeting request(s) in %s's Inbox: %s", len(seen), mailbox, orNone(seen)), nil
	})
}

func (w InvitationWant) String() string {
	var parts []string
	if w.Subject != "" {
		parts = append(parts, fmt.Sprintf("subject %q", w.Subject))
	}
	if w.From != "" {
		parts = append(parts, "from "+w.From)
	}
	switch w.Sender {
	case "":
	case "-":
		parts = append(parts, "sent by its author")
	default:
		parts = append(parts, "sent on behalf by "+w.Sender)
	}
	if w.Online {
		parts = append(parts, "with Lync join details")
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

func (w InvitationWant) matches(m exchange.Message) bool {
	switch {
	case w.Subject != "" && m.Subject != w.Subject:
		return false
	case w.From != "" && !sameUser(m.From, w.From):
		return false
	case w.Sender == "-" && m.Sender != "":
		return false
	case w.Sender != "" && w.Sender != "-" && !sameUser(m.Sender, w.Sender):
		return false
	}
	return !w.Online || hasJoinURL(m)
}

func hasJoinURL(m exchange.Message) bool {
	return strings.Contains(string(m.Raw), "https://meet.")
}

func describeInvitation(m exchange.Message) string {
	s := fmt.Sprintf("%q from %s", m.Subject, m.From)
	if m.Sender != "" {
		s += " sent by " + m.Sender
	}
	if hasJoinURL(m) {
		s += " with Lync join details"
	}
	return s
}

func orNone(list []string) string {
	if len(list) == 0 {
		return "none"
	}
	return strings.Join(list, "; ")
}
