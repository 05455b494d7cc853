package journal

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2014, 7, 7, 9, 0, 0, 0, time.UTC)

func entry(face, op, who string) Entry {
	return Entry{At: t0, Face: face, Op: op, Identity: who, Status: "200"}
}

func TestRecordKeepsTheNewestAndCountsTheRest(t *testing.T) {
	j := New(3)
	for i := 0; i < 5; i++ {
		j.Record(entry("ews", "GetDelegate", "manager@contoso.com"))
	}
	all := j.All()
	if len(all) != 3 || all[0].Seq != 3 || all[2].Seq != 5 || j.Dropped() != 2 || j.Seq() != 5 {
		t.Fatalf("kept %+v, dropped %d", all, j.Dropped())
	}
	if _, missed := j.Entries(Filter{Since: 0}); missed != 2 {
		t.Errorf("a reader from 0 missed %d entries, want 2", missed)
	}
	if _, missed := j.Entries(Filter{Since: 2}); missed != 0 {
		t.Errorf("a reader from 2 missed %d entries, want 0", missed)
	}
	if got, _ := j.Entries(Filter{Since: 4}); len(got) != 1 || got[0].Seq != 5 {
		t.Errorf("since 4: %+v", got)
	}
}

func TestFilterByFaceOperationIdentityAndTime(t *testing.T) {
	j := New(0)
	j.Record(entry("ews", "CreateItem", "assistant@contoso.com"))
	j.Record(entry("sip", "addConference", "sip:assistant@contoso.com"))
	later := entry("ews", "GetDelegate", "manager@contoso.com")
	later.At = t0.Add(time.Minute)
	j.Record(later)
	cases := map[string]struct {
		f    Filter
		want int
	}{
		"face":           {Filter{Face: "EWS"}, 2},
		"op":             {Filter{Op: "createitem"}, 1},
		"alias":          {Filter{Identity: "assistant"}, 2},
		"sip uri":        {Filter{Identity: "sip:Assistant@contoso.com"}, 2},
		"address":        {Filter{Identity: "manager@contoso.com"}, 1},
		"other domain":   {Filter{Identity: "assistant@fabrikam.com"}, 0},
		"after the time": {Filter{After: t0}, 1},
	}
	for name, c := range cases {
		if got, _ := j.Entries(c.f); len(got) != c.want {
			t.Errorf("%s: %d entries, want %d", name, len(got), c.want)
		}
	}
}

func TestANilJournalRecordsNothing(t *testing.T) {
	var j *Journal
	if New(-1) != nil || j.Record(entry("ews", "x", "")) != 0 || len(j.All()) != 0 || j.Import(State{Seq: 1}) != nil {
		t.Fatal("a nil journal is not inert")
	}
	if got, _ := j.Entries(Filter{}); got == nil {
		t.Error("a nil journal's entries are nil, want an empty list")
	}
}

func TestExportAndImportSurviveJSON(t *testing.T) {
	j := New(2)
	e := entry("ews", "CreateItem", "assistant@contoso.com")
	e.Fields = FieldsOf(map[string]string{"mailbox": "manager@contoso.com", "folder": "calendar"})
	e.Throttle = &Throttle{Reason: "early-retry", Early: true, Waited: 200 * time.Millisecond, Told: 5 * time.Second, Note: EarlyNote(200*time.Millisecond, 5*time.Second)}
	for i := 0; i < 3; i++ {
		j.Record(e)
	}
	raw, err := json.Marshal(j.Export())
	if err != nil {
		t.Fatal(err)
	}
	var s State
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	k := New(1)
	if err := k.Import(s); err != nil {
		t.Fatal(err)
	}
	all := k.All()
	if len(all) != 1 || all[0].Seq != 3 || k.Dropped() != 2 || all[0].Fields.Get("folder") != "calendar" || all[0].Throttle.Told != 5*time.Second {
		t.Fatalf("imported %+v, dropped %d", all, k.Dropped())
	}
	if n := k.Record(e); n != 4 {
		t.Errorf("numbering resumed at %d, want 4", n)
	}
}

func TestImportRefusesEntriesOutOfOrder(t *testing.T) {
	bad := []State{
		{Seq: 2, Entries: []Entry{{Seq: 2}, {Seq: 1}}},
		{Seq: 1, Entries: []Entry{{Seq: 2}}},
		{Seq: 1, Dropped: -1},
	}
	for _, s := range bad {
		if err := New(0).Import(s); err == nil {
			t.Errorf("%+v imported", s)
		}
	}
}

func TestEntryStringSaysItAll(t *testing.T) {
	e := entry("ews", "GetDelegate", "assistant@contoso.com")
	e.Seq, e.Status, e.Code = 7, "500", "ErrorServerBusy"
	e.Fields = Fields{{"mailbox", "manager@contoso.com"}}
	e.Throttle = &Throttle{Reason: "early-retry", BackOff: 4800 * time.Millisecond, Note: EarlyNote(200*time.Millisecond, 5*time.Second)}
	want := "#7 09:00:00.000 ews GetDelegate from assistant@contoso.com mailbox=manager@contoso.com → 500 ErrorServerBusy [early-retry, back-off 4800 ms; retried after 200 ms; back-off was 5000 ms]"
	if got := e.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if !strings.Contains(EarlyNote(1500*time.Millisecond, 2*time.Second), "retried after 1500 ms; back-off was 2000 ms") {
		t.Error("early note")
	}
}
