package matchers

import (
	"fmt"

	"github.com/onsi/gomega/types"
	"github.com/ucfake/ucfake/harness/desktop"
)

func outcome(actual any) (desktop.Outcome, error) {
	switch r := actual.(type) {
	case *desktop.AddInRequest:
		return r.Outcome(), nil
	case desktop.Outcome:
		return r, nil
	}
	return desktop.Outcome{}, fmt.Errorf("matchers: want a *desktop.AddInRequest or desktop.Outcome, got %T", actual)
}

func outcomeText(o desktop.Outcome) string {
	s := "the add-in outcome " + string(o.Kind)
	if o.Text != "" {
		s += fmt.Sprintf(" with the message %q", o.Text)
	}
	if o.Why != "" {
		s += " (cause: " + o.Why + ")"
	}
	return s
}

// HaveOutcome succeeds when the add-in request ended (or is) kind.
func HaveOutcome(kind desktop.OutcomeKind) types.GomegaMatcher {
	return newMatcher("the add-in outcome "+string(kind), func(actual any) (bool, string, error) {
		o, err := outcome(actual)
		return err == nil && o.Kind == kind, outcomeText(o), err
	})
}

// BeScheduled succeeds when the add-in put a Lync Meeting with join
// details into the calendar.
func BeScheduled() types.GomegaMatcher {
	return newMatcher("the Lync Meeting to be scheduled with join details", func(actual any) (bool, string, error) {
		o, err := outcome(actual)
		ok := err == nil && o.Kind == desktop.OutcomeSuccess && o.Item != nil && o.Item.OnlineMeeting != nil && o.Item.OnlineMeeting.JoinURL != ""
		return ok, outcomeText(o), err
	})
}

// BeRefusedWith succeeds when the add-in showed exactly the error text.
func BeRefusedWith(text string) types.GomegaMatcher {
	return newMatcher(fmt.Sprintf("the add-in to show the error %q", text), func(actual any) (bool, string, error) {
		o, err := outcome(actual)
		return err == nil && o.Kind == desktop.OutcomeError && o.Text == text, outcomeText(o), err
	})
}

// GetNoResponse succeeds when the add-in's request timed out unanswered.
func GetNoResponse() types.GomegaMatcher { return HaveOutcome(desktop.OutcomeNoResponse) }
