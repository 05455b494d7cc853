package matchers

import (
	"fmt"

	"github.com/onsi/gomega/types"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness/desktop"
)

// addIn is an add-in outcome as the matchers read it, in-process or remote.
type addIn struct {
	kind, text, why string
	joinURL         string
	cause           desktop.Cause
}

// outcome reads a *desktop.AddInRequest, a desktop.Outcome, or the remote
// api.AddIn (harness/remote.AddIn).
func outcome(actual any) (addIn, error) {
	switch r := actual.(type) {
	case *desktop.AddInRequest:
		a := fromOutcome(r.Outcome())
		a.cause = r.Cause()
		return a, nil
	case desktop.Outcome:
		return fromOutcome(r), nil
	case api.AddIn:
		return addIn{kind: r.Kind, text: r.Text, why: r.Why, joinURL: r.JoinURL, cause: desktop.Cause{Text: r.RootCause, Catalogue: r.Catalogue}}, nil
	case *api.AddIn:
		return outcome(*r)
	}
	return addIn{}, fmt.Errorf("matchers: want a *desktop.AddInRequest, a desktop.Outcome or an api.AddIn, got %T", actual)
}

func fromOutcome(o desktop.Outcome) addIn {
	a := addIn{kind: string(o.Kind), text: o.Text, why: o.Why}
	if o.Item != nil && o.Item.OnlineMeeting != nil {
		a.joinURL = o.Item.OnlineMeeting.JoinURL
	}
	return a
}

func (a addIn) String() string {
	s := "the add-in outcome " + a.kind
	if a.text != "" {
		s += fmt.Sprintf(" with the message %q", a.text)
	}
	if a.why != "" {
		s += " (cause: " + a.why + ")"
	}
	if c := a.cause.String(); c != "" {
		s += "\nroot cause: " + c
	}
	return s
}

// HaveOutcome succeeds when the add-in request ended (or is) kind.
func HaveOutcome(kind desktop.OutcomeKind) types.GomegaMatcher {
	return newMatcher("the add-in outcome "+string(kind), func(actual any) (bool, string, error) {
		a, err := outcome(actual)
		return err == nil && a.kind == string(kind), a.String(), err
	})
}

// BeScheduled succeeds when the add-in put a Lync Meeting with join
// details into the calendar.
func BeScheduled() types.GomegaMatcher {
	return newMatcher("the Lync Meeting to be scheduled with join details", func(actual any) (bool, string, error) {
		a, err := outcome(actual)
		return err == nil && a.kind == string(desktop.OutcomeSuccess) && a.joinURL != "", a.String(), err
	})
}

// BeRefusedWith succeeds when the add-in showed exactly the error text.
func BeRefusedWith(text string) types.GomegaMatcher {
	return newMatcher(fmt.Sprintf("the add-in to show the error %q", text), func(actual any) (bool, string, error) {
		a, err := outcome(actual)
		return err == nil && a.kind == string(desktop.OutcomeError) && a.text == text, a.String(), err
	})
}

// GetNoResponse succeeds when the add-in's request timed out unanswered.
func GetNoResponse() types.GomegaMatcher { return HaveOutcome(desktop.OutcomeNoResponse) }
