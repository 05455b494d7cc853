package matchers

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
)

// kb000 opens both clients of kb000 (policy granted) and, unless sync is
// false, keeps the manager's policy.
func kb000(t *testing.T, sync bool) (*harness.World, *desktop.Computer, *desktop.Computer) {
	w := harness.RunT(t, "kb000")
	if !sync {
		if err := w.Lync().GrantClientPolicy("sip:manager@contoso.com", ""); err != nil {
			t.Fatal(err)
		}
	}
	mgr, asst := w.Computer("PC-MANAGER"), w.Computer("PC-ASSISTANT")
	for _, c := range []*desktop.Computer{mgr, asst} {
		c.Outlook().Open()
		if err := c.Lync().SignIn(); err != nil {
			t.Fatal(err)
		}
	}
	dlg, _ := mgr.Outlook().DelegateAccess()
	dlg.Add("assistant")
	if err := dlg.OK(); err != nil {
		t.Fatal(err)
	}
	w.Advance(10 * time.Minute)
	return w, mgr, asst
}

func failure(t *testing.T, m interface {
	Match(any) (bool, error)
	FailureMessage(any) string
}, actual any) string {
	t.Helper()
	if ok, err := m.Match(actual); ok || err != nil {
		t.Fatalf("matched: %v %v", ok, err)
	}
	return m.FailureMessage(actual)
}

// TestMessagesNameTheRootCause: with the manager's policy unset, the
// add-in refusal, the missing group and the missing record all say why,
// with the catalogue entry.
func TestMessagesNameTheRootCause(t *testing.T) {
	w, _, asst := kb000(t, false)
	const cause = "root cause: UCMAPI: delegate sync skipped on PC-MANAGER: EnableExchangeDelegateSync is not set in the client policy read at sign-in"
	req := asst.Outlook().ScheduleLyncMeeting("manager", desktop.Meeting{Subject: "1:1"})
	for _, msg := range []string{
		failure(t, BeScheduled(), req),
		failure(t, HaveGroup("People I Manage Calls For", "manager"), asst),
		failure(t, HaveDelegateRecord("sip:manager@contoso.com", "sip:assistant@contoso.com"), w),
	} {
		if !strings.Contains(msg, cause) || !strings.Contains(msg, "[catalogue blog003-cause-policy]") {
			t.Errorf("the message does not name the root cause:\n%s", msg)
		}
	}
}

// TestRemovedOutlookDelegateIsNamed: Issue 2's cause.
func TestRemovedOutlookDelegateIsNamed(t *testing.T) {
	w, mgr, asst := kb000(t, true)
	dlg, _ := mgr.Outlook().DelegateAccess()
	dlg.Remove("assistant")
	dlg.OK()
	w.Advance(2 * time.Minute)
	req := asst.Outlook().ScheduleLyncMeeting("manager", desktop.Meeting{Subject: "1:1"})
	w.Advance(2 * time.Minute)
	msg := failure(t, BeScheduled(), req)
	if !strings.Contains(msg, "root cause: manager@contoso.com removed assistant@contoso.com from Outlook's Delegate Access; the Lync back end still lists the delegate (a one-time record) [catalogue kb000-i2-cause-outlook-removal]") {
		t.Fatalf("message:\n%s", msg)
	}
}

// TestRemoteTypesAreMatched: the matchers take the control plane's types.
func TestRemoteTypesAreMatched(t *testing.T) {
	pc := api.Computer{Name: "PC-ASSISTANT", User: "assistant@contoso.com", Groups: []api.Group{{Name: "People I Manage Calls For", Members: []string{"sip:manager@contoso.com"}}},
		Banners: []api.Banner{{Text: "You were added as a delegate for Megan Manager."}}, MAPIStatus: "MAPI Status Ok",
		Registry: map[string][]string{desktop.OutstandingDelegatorList: {"sip:manager@contoso.com"}}}
	for _, m := range []interface{ Match(any) (bool, error) }{HaveGroup("People I Manage Calls For", "manager"), HaveGroupMember("People I Manage Calls For", "manager"),
		ShowBanner("You were added as a delegate for Megan Manager."), HaveMAPIStatus("MAPI Status Ok"), HaveRegistryValue(desktop.OutstandingDelegatorList, "manager")} {
		if ok, err := m.Match(pc); !ok || err != nil {
			t.Errorf("%T on a remote computer: %v %v", m, ok, err)
		}
	}
	refused := api.AddIn{Kind: api.OutcomeError, Text: "no", RootCause: "policy unset", Catalogue: "blog003-cause-policy"}
	if ok, _ := BeRefusedWith("no").Match(refused); !ok {
		t.Error("BeRefusedWith on a remote outcome")
	}
	if msg := failure(t, BeScheduled(), refused); !strings.Contains(msg, "root cause: policy unset [catalogue blog003-cause-policy]") {
		t.Errorf("remote root cause: %s", msg)
	}
	if ok, _ := BeScheduled().Match(api.AddIn{Kind: api.OutcomeSuccess, JoinURL: "https://meet.contoso.com/manager/X"}); !ok {
		t.Error("BeScheduled on a remote success")
	}
}

// TestInvitationsAreMatchedWithFromAndSender: the assistant schedules on
// behalf; the attendee's Inbox holds the invitation from the manager sent
// by the assistant, with join details.
func TestInvitationsAreMatchedWithFromAndSender(t *testing.T) {
	w, _, asst := kb000(t, true)
	req := asst.Outlook().ScheduleLyncMeeting("manager", desktop.Meeting{Subject: "Board", Attendees: []string{"attendee"}})
	if ok, _ := BeScheduled().Match(req); !ok {
		t.Fatal(BeScheduled().FailureMessage(req))
	}
	if ok, err := HaveInvitation("attendee@contoso.com", InvitationWant{Subject: "Board", From: "manager", Sender: "assistant", Online: true}).Match(w); !ok || err != nil {
		t.Fatalf("%v %v", ok, err)
	}
	msg := failure(t, HaveInvitation("attendee@contoso.com", InvitationWant{Subject: "Board", Sender: "-"}), w)
	if !strings.Contains(msg, `1 meeting request(s) in attendee@contoso.com's Inbox: "Board" from manager@contoso.com sent by assistant@contoso.com with Lync join details`) {
		t.Fatalf("message: %s", msg)
	}
	if _, err := HaveInvitation("x", InvitationWant{}).Match(42); err == nil {
		t.Fatal("an int was accepted")
	}
}

// TestSIPAnswersAreMatched on the literal 403 of domain.md Part B §3.
func TestSIPAnswersAreMatched(t *testing.T) {
	raw := "SIP/2.0 403 Forbidden\r\nVia: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK-1\r\nFrom: <sip:assistant@contoso.com>;tag=1\r\nTo: <sip:manager@contoso.com>;tag=2\r\nCall-ID: c\r\nCSeq: 1 SERVICE\r\n" +
		"ms-diagnostics: 4268;reason=\"Delegate operation not allowed as the requester is not a delegate of the organizer.\";source=\"fe\"\r\nContent-Type: application/msrtc-fault+xml\r\nContent-Length: 66\r\n\r\n" +
		"<Fault>\r\n<Faultcode>Client.Delegate.Operation.NotAuthorized</Faultcode>\r\n</Fault>\r\n"
	raw = strings.Replace(raw, "Content-Length: 66", "Content-Length: "+strconv.Itoa(len("<Fault>\r\n<Faultcode>Client.Delegate.Operation.NotAuthorized</Faultcode>\r\n</Fault>\r\n")), 1)
	if ok, err := HaveSIPAnswer(SIPWant{Status: 403, Diagnostic: 4268, Faultcode: "Client.Delegate.Operation.NotAuthorized"}).Match(raw); !ok || err != nil {
		t.Fatalf("%v %v", ok, err)
	}
	msg := failure(t, HaveSIPAnswer(SIPWant{Status: 409, Diagnostic: 2141}), raw)
	if !strings.Contains(msg, `SIP/2.0 403 Forbidden, ms-diagnostics "4268;reason=`) {
		t.Fatalf("message: %s", msg)
	}
}
