package matchers

import (
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fakes/journal"
)

var nine = time.Date(2014, 7, 7, 9, 0, 0, 0, time.UTC)

func ewsEntry(seq uint64, op, who, mailbox, folder, code string) journal.Entry {
	return journal.Entry{Seq: seq, At: nine.Add(time.Duration(seq) * time.Second), Face: "ews", Op: op, Identity: who,
		Fields: journal.FieldsOf(map[string]string{"mailbox": mailbox, "folder": folder}), Status: "200", Code: code}
}

// assistantsDay is a journal where the assistant never created an item in
// the manager's calendar.
func assistantsDay() *journal.Journal {
	j := journal.New(0)
	j.Record(ewsEntry(0, "GetFolder", "assistant@contoso.com", "manager@contoso.com", "calendar", "NoError"))
	j.Record(ewsEntry(0, "CreateItem", "assistant@contoso.com", "manager@contoso.com", "inbox", "NoError"))
	j.Record(ewsEntry(0, "CreateItem", "alice@contoso.com", "manager@contoso.com", "calendar", "NoError"))
	j.Record(ewsEntry(0, "ResolveNames", "bob@contoso.com", "", "", "NoError"))
	return j
}

func TestHaveReceivedFindsTheRequest(t *testing.T) {
	j := assistantsDay()
	j.Record(ewsEntry(0, "CreateItem", "assistant@contoso.com", "manager@contoso.com", "calendar", "NoError"))
	m := HaveReceived("CreateItem").In("manager", "calendar").From("assistant")
	if ok, err := m.Match(j); !ok || err != nil {
		t.Fatalf("%v %v", ok, err)
	}
	want := "Expected the journal not to hold CreateItem in manager's calendar from assistant\nbut it holds:\n  #5 09:00:00.000 ews CreateItem from assistant@contoso.com folder=calendar mailbox=manager@contoso.com → 200 NoError"
	if got := m.NegatedFailureMessage(j); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestHaveReceivedNamesTheNearMisses(t *testing.T) {
	j := assistantsDay()
	m := HaveReceived("CreateItem").In("manager", "calendar").From("assistant")
	if ok, _ := m.Match(j); ok {
		t.Fatal("matched")
	}
	want := `Expected the journal to hold CreateItem in manager's calendar from assistant
but it holds none; the closest entries:
  #3 09:00:00.000 ews CreateItem from alice@contoso.com folder=calendar mailbox=manager@contoso.com → 200 NoError
      (caller is alice@contoso.com, not assistant)
  #2 09:00:00.000 ews CreateItem from assistant@contoso.com folder=inbox mailbox=manager@contoso.com → 200 NoError
      (folder is inbox, not calendar)
  #1 09:00:00.000 ews GetFolder from assistant@contoso.com folder=calendar mailbox=manager@contoso.com → 200 NoError
      (operation is GetFolder, not CreateItem)`
	if got := m.FailureMessage(j); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func sipEntry(who, organizer, status, code string) journal.Entry {
	return journal.Entry{At: nine, Face: "sip", Op: "addConference", Identity: who,
		Fields: journal.FieldsOf(map[string]string{"from": organizer, "method": "SERVICE"}), Status: status, Code: code}
}

func TestOnBehalfRefusedWith(t *testing.T) {
	entries := []journal.Entry{sipEntry("sip:assistant@contoso.com", "sip:manager@contoso.com", "200", "")}
	entries[0].Seq = 1
	m := HaveReceived("addConference").On("sip").OnBehalfOf("manager").RefusedWith("4268")
	if ok, _ := m.Match(entries); ok {
		t.Fatal("matched")
	}
	want := `Expected the journal to hold sip addConference on behalf of manager refused with 4268
but it holds none; the closest entries:
  #1 09:00:00.000 sip addConference from sip:assistant@contoso.com from=sip:manager@contoso.com method=SERVICE → 200
      (code is none, not 4268)`
	if got := m.FailureMessage(entries); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	refused := []api.JournalEntry{{Seq: 2, At: nine, Face: "sip", Op: "addConference", Identity: "sip:attendee@contoso.com",
		Fields: map[string]string{"from": "sip:manager@contoso.com"}, Status: "403", Code: "4268"}}
	if ok, err := HaveReceived("addConference").OnBehalfOf("manager").From("attendee").RefusedWith("4268").AnsweredWith("403").Match(api.Journal{Entries: refused}); !ok || err != nil {
		t.Fatalf("the refusal read over the control plane did not match: %v", err)
	}
}

func TestRetriedEarly(t *testing.T) {
	early := ewsEntry(0, "GetDelegate", "assistant@contoso.com", "manager@contoso.com", "", "ErrorServerBusy")
	early.Throttle = &journal.Throttle{Reason: "early-retry", Early: true, BackOff: 4800 * time.Millisecond, Note: journal.EarlyNote(200*time.Millisecond, 5*time.Second)}
	j := journal.New(0)
	j.Record(ewsEntry(0, "GetDelegate", "assistant@contoso.com", "manager@contoso.com", "", "ErrorServerBusy"))
	if ok, _ := HaveReceived("GetDelegate").RetriedEarly().Match(j); ok {
		t.Fatal("a first refusal counted as an early retry")
	}
	j.Record(early)
	m := HaveReceived("GetDelegate").From("assistant").RetriedEarly()
	if ok, _ := m.Match(j); !ok {
		t.Fatal("the early retry was not found")
	}
	if got := m.NegatedFailureMessage(j); !strings.Contains(got, "[early-retry, back-off 4800 ms; retried after 200 ms; back-off was 5000 ms]") {
		t.Errorf("got %s", got)
	}
}

func TestEmptyAndUnrelatedJournals(t *testing.T) {
	m := HaveReceived("CreateItem").From("assistant")
	m.Match(journal.New(0))
	if got := m.FailureMessage(nil); got != "Expected the journal to hold CreateItem from assistant\nbut the journal is empty" {
		t.Errorf("got %q", got)
	}
	m.Match([]journal.Entry{ewsEntry(1, "ResolveNames", "bob@contoso.com", "", "", "NoError")})
	if got := m.FailureMessage(nil); got != "Expected the journal to hold CreateItem from assistant\nbut none of its 1 entries has that operation or that caller" {
		t.Errorf("got %q", got)
	}
	if _, err := m.Match("journal"); err == nil || !strings.Contains(err.Error(), "want a journal") {
		t.Errorf("a string: %v", err)
	}
}
