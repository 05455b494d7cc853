package harness_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/fakes/journal"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/internal/wirekit"
)

// onBehalf is a C3P addConference sent by from for organizer.
func onBehalf(s *wirekit.SIP, from, organizer string) (int, string, error) {
	ff := "sip:" + organizer + ";gruu;opaque=app:conf:focusfactory"
	body := `<?xml version="1.0"?><request xmlns="urn:ietf:params:xml:ns:cccp" C3PVersion="1" to="` + ff + `" from="sip:` + organizer + `" requestId="1"><addConference><ci:conference-info xmlns:ci="urn:ietf:params:xml:ns:conference-info" entity=""><ci:conference-description><ci:subject>1:1</ci:subject></ci:conference-description></ci:conference-info></addConference></request>`
	return s.Request("SERVICE", ff, "sip:"+from, "application/cccp+xml", body)
}

// TestEveryFaceJournalsItsRequests sends requests to each face and finds
// their journal entries with the operation, the caller, the key fields and
// the answer.
func TestEveryFaceJournalsItsRequests(t *testing.T) {
	s, eps := serveAll(t, harness.TenantsOptions{})
	ews := &wirekit.EWS{URL: "http://" + eps["ews"] + "/EWS/Exchange.asmx", User: "assistant@contoso.com", Pass: pass}
	ews.GetDelegates("manager@contoso.com") // refused: the assistant is no owner
	im, err := wirekit.DialIMAP(eps["imap"], "manager@contoso.com", pass)
	if err != nil {
		t.Fatal(err)
	}
	im.Messages("INBOX")
	im.Logout().Wait()
	sip, err := wirekit.DialSIP(eps["sip"])
	if err != nil {
		t.Fatal(err)
	}
	onBehalf(sip, "attendee@contoso.com", "manager@contoso.com")
	sip.Close()
	wirekit.JSON("POST", "http://"+eps["ucwa"]+"/ucwa/v1/applications", "assistant@contoso.com", pass, map[string]string{}, nil)
	wirekit.Cmdlet("http://"+eps["admin"], "Get-CsUser", map[string]any{"Identity": "manager"})
	wirekit.JSON("GET", "http://"+eps["control"]+"/_ucfake/computers/PC-MANAGER", "", "", nil, nil)
	wirekit.JSON("GET", "http://"+eps["control"]+"/_ucfake/journal", "", "", nil, nil)

	w, _ := s.Tenants().Get("default")
	var got []string
	for _, e := range w.Journal().All() {
		if e.At.IsZero() || e.Wall.IsZero() || e.Seq == 0 {
			t.Errorf("entry without its times or number: %+v", e)
		}
		got = append(got, fmt.Sprintf("%s %s %s %s %s %s", e.Face, e.Op, e.Identity, e.FieldList(), e.Status, e.Code))
	}
	for _, want := range []string{
		"ews GetDelegate assistant@contoso.com mailbox=manager@contoso.com requestServerVersion=Exchange2013_SP1 200 ErrorAccessDenied",
		"imap LOGIN manager@contoso.com mailbox=manager@contoso.com OK ",
		"imap STATUS manager@contoso.com folder=INBOX mailbox=manager@contoso.com OK ",
		"sip addConference sip:attendee@contoso.com from=sip:manager@contoso.com method=SERVICE 403 4268",
		"ucwa applications sip:assistant@contoso.com  201 ",
		"admin Get-CsUser lyncadmin@contoso.com target=manager 200 ",
		"control GET /_ucfake/computers/{name}  name=PC-MANAGER 200 ",
	} {
		if !contains(got, want) {
			t.Errorf("no entry %q in\n%s", want, strings.Join(got, "\n"))
		}
	}
	for _, g := range got {
		if strings.Contains(g, "/_ucfake/journal") {
			t.Errorf("the journal's read was journaled: %s", g)
		}
	}
}

// TestTheJournalSurvivesARestart saves the journal with the tenant and
// finds it again after a restart, numbering on.
func TestTheJournalSurvivesARestart(t *testing.T) {
	dir := t.TempDir()
	s, eps := serveAll(t, harness.TenantsOptions{StateDir: dir})
	ews := &wirekit.EWS{URL: "http://" + eps["ews"] + "/EWS/Exchange.asmx", User: "manager@contoso.com", Pass: pass}
	if _, err := ews.GetDelegates("manager@contoso.com"); err != nil {
		t.Fatal(err)
	}
	w, _ := s.Tenants().Get("default")
	before := w.Journal().Seq()
	s.Close()
	s2, _ := serveAll(t, harness.TenantsOptions{StateDir: dir})
	w2, _ := s2.Tenants().Get("default")
	got, _ := w2.Journal().Entries(journal.Filter{Op: "GetDelegate"})
	if len(got) != 1 || w2.Journal().Seq() != before {
		t.Fatalf("after the restart: %d GetDelegate entries, seq %d (was %d)", len(got), w2.Journal().Seq(), before)
	}
}

// TestTheJournalCanBeTurnedOff builds a world without a journal.
func TestTheJournalCanBeTurnedOff(t *testing.T) {
	w := harness.RunT(t, "kb000", harness.WithJournalLimit(-1), harness.WithEndpoints())
	ews := &wirekit.EWS{URL: w.Endpoints().EWS, User: "manager@contoso.com", Pass: pass}
	if _, err := ews.GetDelegates("manager@contoso.com"); err != nil {
		t.Fatal(err)
	}
	if w.Journal() != nil || len(w.Journal().All()) != 0 {
		t.Fatal("a world without a journal journaled")
	}
}
