package exchange

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
)

// parts parses an invitation and returns its headers and the bodies of
// its alternatives by media type, with the text/calendar parameters.
func parts(t *testing.T, raw []byte) (mail.Header, map[string]string, map[string]string) {
	t.Helper()
	if bytes.Contains(bytes.ReplaceAll(raw, []byte("\r\n"), nil), []byte("\n")) {
		t.Fatalf("bare LF in message:\n%q", raw)
	}
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	noErr(t, err)
	mt, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/alternative" {
		t.Fatalf("Content-Type %q: %v", m.Header.Get("Content-Type"), err)
	}
	bodies, calParams := map[string]string{}, map[string]string{}
	r := multipart.NewReader(m.Body, params["boundary"])
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			break
		}
		noErr(t, err)
		pt, pp, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		b, _ := io.ReadAll(p)
		bodies[pt] = string(b)
		if pt == "text/calendar" {
			calParams = pp
		}
	}
	return m.Header, bodies, calParams
}

func TestInvitationIsAWellFormedRequest(t *testing.T) {
	s, c := newTestStore(t)
	must(s.AddUser(User{SMTP: "ann@contoso.com", DisplayName: "Smith, Ann"}))
	must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
	c.AdvanceTo(time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC))
	it := meeting(c, "ann", "outsider@fabrikam.com", "not an address", "ANN@contoso.com")
	it.OnlineMeeting = &OnlineMeeting{JoinURL: "https://meet.contoso.com/manager/K7", ConferenceID: "K7", FocusURI: "sip:manager@contoso.com;gruu;opaque=app:conf:focus:id:K7"}
	saved := must(s.CreateCalendarItem("assistant", "manager", it, SendOnlyToAll))
	inbox := must(s.Messages("ann", "ann", Inbox))
	if len(inbox) != 1 {
		t.Fatalf("ann has %d messages (duplicate attendee delivered twice?)", len(inbox))
	}
	h, bodies, cal := parts(t, inbox[0].Raw)
	checks := map[string]string{
		"From":         `"The manager" <manager@contoso.com>`,
		"Sender":       `"The assistant" <assistant@contoso.com>`,
		"To":           `"Smith, Ann" <ann@contoso.com>, <outsider@fabrikam.com>`,
		"Subject":      "Budget review",
		"Date":         "Mon, 09 Mar 2026 10:00:00 +0000",
		"MIME-Version": "1.0",
	}
	for k, want := range checks {
		if got := h.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if id := h.Get("Message-ID"); !strings.HasPrefix(id, "<") || !strings.HasSuffix(id, "@contoso.com>") {
		t.Errorf("Message-ID %q", id)
	}
	if cal["method"] != "REQUEST" || !strings.Contains(bodies["text/plain"], "Join Lync Meeting: https://meet.contoso.com/manager/K7") {
		t.Errorf("calendar params %v, plain %q", cal, bodies["text/plain"])
	}
	for _, line := range []string{"METHOD:REQUEST", "UID:" + saved.ID, "DTSTART:20260310T100000Z", "DTEND:20260310T110000Z",
		"SUMMARY:Budget review", `ORGANIZER;CN="The manager";SENT-BY="mailto:assistant@contoso.com":mailto:manager@contoso.com`,
		`ATTENDEE;CN="Smith, Ann";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ann@contoso.com`,
		"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:outsider@fabrikam.com",
		"X-MICROSOFT-ONLINEMEETINGCONFLINK:" + it.OnlineMeeting.FocusURI, "URL:" + it.OnlineMeeting.JoinURL} {
		if !strings.Contains(unfold(bodies["text/calendar"]), line+"\r\n") {
			t.Errorf("no line %q in\n%s", line, bodies["text/calendar"])
		}
	}
	if msg := inbox[0]; msg.From != "manager@contoso.com" || msg.Sender != "assistant@contoso.com" || len(msg.To) != 2 || msg.CalendarItemID != saved.ID {
		t.Errorf("indexed fields %+v", msg)
	}
}

func TestInvitationHeadersResistInjection(t *testing.T) {
	s, c := newTestStore(t)
	it := meeting(c, "alice")
	it.Subject = "Hi\r\nBcc: evil@fabrikam.com\nX: y"
	it.Location = "Room 1\r\nEND:VEVENT"
	must(s.CreateCalendarItem("manager", "manager", it, SendOnlyToAll))
	msg := must(s.Messages("alice", "alice", Inbox))[0]
	h, bodies, _ := parts(t, msg.Raw)
	if h.Get("Bcc") != "" || h.Get("X") != "" || msg.Subject != it.Subject {
		t.Fatalf("headers %v, subject %q", h, msg.Subject)
	}
	if strings.Count(bodies["text/calendar"], "\r\nEND:VEVENT\r\n") != 1 {
		t.Fatalf("location broke the VEVENT:\n%s", bodies["text/calendar"])
	}
}

func TestOnlineMeetingWithoutFocusLinksTheJoinURL(t *testing.T) {
	lines := onlineMeetingLines(&OnlineMeeting{JoinURL: "https://meet/x"})
	if len(lines) != 2 || lines[0] != "X-MICROSOFT-ONLINEMEETINGCONFLINK:https://meet/x" {
		t.Fatalf("lines %q", lines)
	}
	if onlineMeetingLines(nil) != nil {
		t.Fatal("lines without a meeting")
	}
}

func TestNoAttendeesNoToHeader(t *testing.T) {
	s, _ := newTestStore(t)
	c := clock.NewVirtual(time.Time{})
	must(s.CreateCalendarItem("manager", "manager", meeting(c, "nobody-here"), SendToAllAndSaveCopy))
	sent := must(s.Messages("manager", "manager", SentItems))
	if len(sent) != 1 || len(sent[0].To) != 0 || headerOf(t, sent[0].Raw).Get("To") != "" {
		t.Fatalf("sent %+v", sent)
	}
	if len(sent[0].Flags) != 1 || sent[0].Flags[0] != `\Seen` {
		t.Fatalf("sent copy flags %v", sent[0].Flags)
	}
}
