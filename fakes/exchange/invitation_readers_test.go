package exchange

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"
	"github.com/emersion/go-message/mail"
)

// sent is what a scenario asked ucfake to send: the item as stored, and
// who the invitation should name.
type sent struct {
	item   CalendarItem
	from   *mail.Address
	sender *mail.Address // nil unless on behalf
	to     []*mail.Address
}

// addUsers adds users by address and display name.
func addUsers(t *testing.T, s *Store, users ...string) {
	t.Helper()
	for i := 0; i+1 < len(users); i += 2 {
		if _, err := s.AddUser(User{SMTP: users[i], DisplayName: users[i+1]}); err != nil {
			t.Fatal(err)
		}
	}
}

// invitationScenarios sends every kind of invitation ucfake writes and
// returns what each should say, by calendar item id.
func invitationScenarios(t *testing.T) (*Store, map[string]sent) {
	s, c := newTestStore(t)
	c.AdvanceTo(time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC))
	addUsers(t, s, "annelies@contoso.com", "Annelies Bülkens", "ilse@contoso.com", "Ilse Ödegård", "asa@contoso.com", "Åsa Öberg")
	must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
	must(s.AddDelegate("annelies", "annelies", DefaultDelegate("ilse")))
	must(s.AddDelegate("alice", "alice", DefaultDelegate("bob"))) // alice's requests are copied to bob
	out := map[string]sent{}
	send := func(actor, mailbox string, it CalendarItem, sender string, to ...*mail.Address) {
		t.Helper()
		saved := must(s.CreateCalendarItem(actor, mailbox, it, SendToAllAndSaveCopy))
		x := sent{item: saved, from: addr(s, mailbox), to: to}
		if sender != "" {
			x.sender = addr(s, sender)
		}
		out[saved.ID] = x
	}
	it := meeting(c, "alice", "Bob", "Extern Person <ext@fabrikam.com>")
	send("manager", "manager", it, "", addr(s, "alice"), addr(s, "bob"), &mail.Address{Name: "Extern Person", Address: "ext@fabrikam.com"})
	it = meeting(c, "alice")
	it.Location = "Room 1; floor 2, east"
	send("assistant", "manager", it, "assistant", addr(s, "alice"))
	it, to := longAttendeeList(t, s, c.Now())
	send("manager", "manager", it, "", to...)
	it = meeting(c, "asa", "alice", "annelies")
	it.Subject, it.Location = "Möte om året", "Sammanträdesrum Åre; plan 3, hus B"
	it.OnlineMeeting = &OnlineMeeting{JoinURL: "https://meet.contoso.com/annelies/ABCDEF12", ConferenceID: "ABCDEF12",
		FocusURI: "sip:annelies@contoso.com;gruu;opaque=app:conf:focus:id:ABCDEF12"}
	send("ilse", "annelies", it, "ilse", addr(s, "asa"), addr(s, "alice"), addr(s, "annelies"))
	it = meeting(c, "bob")
	it.Subject = strings.Repeat("Quarterly budget review, planning and the year ahead 🗓 ", 20)
	send("manager", "manager", it, "", addr(s, "bob"))
	return s, out
}

// longAttendeeList is a meeting with 40 local attendees with long names and
// 10 external ones, far past 998 characters of To.
func longAttendeeList(t *testing.T, s *Store, now time.Time) (CalendarItem, []*mail.Address) {
	var names []string
	var to []*mail.Address
	for i := range 40 {
		a := fmt.Sprintf("attendee%02d@contoso.com", i)
		addUsers(t, s, a, fmt.Sprintf("Bülkens-Vandenbroucke, Annelies Maria %02d", i))
		names, to = append(names, a), append(to, addr(s, a))
	}
	for i := range 10 {
		a := fmt.Sprintf("a.very.long.external.address.number.%02d@subsidiary.fabrikam.example.com", i)
		names, to = append(names, a), append(to, &mail.Address{Address: a})
	}
	start := now.Add(48 * time.Hour)
	return CalendarItem{Subject: "All hands", Start: start, End: start.Add(time.Hour), Attendees: names}, to
}

func addr(s *Store, name string) *mail.Address {
	u := must(s.Lookup(name))
	return mailAddress(&u)
}

// allMessages is every message in every folder of every mailbox.
func allMessages(s *Store) []Message {
	var out []Message
	for _, u := range s.Users() {
		for _, f := range []FolderName{Inbox, SentItems, DeletedItems} {
			msgs, _ := s.Messages(u.SMTP, u.SMTP, f)
			out = append(out, msgs...)
		}
	}
	return out
}

// TestEveryInvitationReadsBackThroughIndependentParsers parses every
// invitation ucfake sent (attendees' copies, delegates' copies, Sent Items)
// with go-message and go-ical, checks the line limits of RFC 5322 (998)
// and RFC 5545 (75 octets), and that each decoded field is what was sent.
func TestEveryInvitationReadsBackThroughIndependentParsers(t *testing.T) {
	s, want := invitationScenarios(t)
	msgs := allMessages(s)
	seen := map[string]int{}
	longestHeader, longestICal := 0, 0
	for _, msg := range msgs {
		x, ok := want[msg.CalendarItemID]
		if !ok {
			t.Fatalf("%s/%s UID %d: an invitation for no scenario (%q)", msg.Mailbox, msg.Folder, msg.UID, msg.CalendarItemID)
		}
		seen[msg.CalendarItemID]++
		where := fmt.Sprintf("%s/%s %q", msg.Mailbox, msg.Folder, x.item.Subject[:min(len(x.item.Subject), 20)])
		longestHeader = max(longestHeader, checkMIMELines(t, where, msg.Raw))
		cal := checkMIME(t, where, msg.Raw, x)
		longestICal = max(longestICal, checkICalLines(t, where, cal))
		checkICal(t, where, cal, x)
		checkIndexed(t, where, msg, x)
	}
	for id, x := range want {
		if seen[id] < 2 {
			t.Errorf("%q: %d copies found (want the attendees' and the Sent Items copy)", x.item.Subject, seen[id])
		}
	}
	t.Logf("%d invitations parsed; longest header line %d characters, longest iCalendar line %d octets", len(msgs), longestHeader, longestICal)
}

// checkIndexed compares the fields the store indexed when it delivered the
// message (what EWS and IMAP answer from) with x.
func checkIndexed(t *testing.T, where string, msg Message, x sent) {
	t.Helper()
	to := make([]string, len(x.to))
	for i, a := range x.to {
		to[i] = a.Address
	}
	sender := ""
	if x.sender != nil {
		sender = x.sender.Address
	}
	if msg.From != x.from.Address || msg.Sender != sender || msg.Subject != x.item.Subject || strings.Join(msg.To, ",") != strings.Join(to, ",") {
		t.Errorf("%s: indexed From %q Sender %q Subject %q To %v", where, msg.From, msg.Sender, msg.Subject, msg.To)
	}
}

// checkMIMELines checks that every line of raw ends in CRLF and is at most
// 998 characters, and returns the longest header line.
func checkMIMELines(t *testing.T, where string, raw []byte) int {
	t.Helper()
	longest, inHeader := 0, true
	for i, line := range strings.Split(string(raw), "\r\n") {
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("%s: line %d has a bare CR or LF", where, i+1)
		}
		if len(line) > 998 {
			t.Errorf("%s: line %d is %d characters (RFC 5322 allows 998)", where, i+1, len(line))
		}
		if inHeader {
			longest, inHeader = max(longest, len(line)), line != ""
		}
	}
	return longest
}

// checkMIME reads the message with go-message, compares its header fields
// with x and returns the decoded text/calendar part.
func checkMIME(t *testing.T, where string, raw []byte, x sent) string {
	t.Helper()
	mr, err := mail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("%s: go-message: %v", where, err)
	}
	h := mr.Header
	eqAddrs(t, where, "From", h, []*mail.Address{x.from})
	eqAddrs(t, where, "Sender", h, nonNil(x.sender))
	eqAddrs(t, where, "To", h, x.to)
	if subject, err := h.Subject(); err != nil || subject != x.item.Subject {
		t.Errorf("%s: Subject %q, %v", where, subject, err)
	}
	if d, err := h.Date(); err != nil || !d.Equal(time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("%s: Date %v, %v", where, d, err)
	}
	if id, err := h.MessageID(); err != nil || !strings.HasSuffix(id, "@"+domainOf(x.from.Address)) {
		t.Errorf("%s: Message-ID %q, %v", where, id, err)
	}
	bodies := readParts(t, where, mr)
	if !strings.HasPrefix(bodies["text/plain"], x.item.Subject+"\r\nWhen: ") {
		t.Errorf("%s: text/plain %q", where, bodies["text/plain"])
	}
	return bodies["text/calendar"]
}

// readParts decodes the alternatives by media type, checking the calendar's
// parameters.
func readParts(t *testing.T, where string, mr *mail.Reader) map[string]string {
	t.Helper()
	bodies := map[string]string{}
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: part: %v", where, err)
		}
		h := p.Header.(*mail.InlineHeader)
		mt, params, err := h.ContentType()
		if err != nil || params["charset"] != "utf-8" {
			t.Errorf("%s: part %s %v: %v", where, mt, params, err)
		}
		if mt == "text/calendar" && params["method"] != "REQUEST" {
			t.Errorf("%s: text/calendar method %q", where, params["method"])
		}
		b, err := io.ReadAll(p.Body)
		if err != nil {
			t.Fatalf("%s: %s: %v", where, mt, err)
		}
		bodies[mt] = string(b)
	}
	if len(bodies) != 2 {
		t.Errorf("%s: parts %v", where, bodies)
	}
	return bodies
}

func eqAddrs(t *testing.T, where, field string, h mail.Header, want []*mail.Address) {
	t.Helper()
	got, err := h.AddressList(field)
	if err != nil || fmt.Sprint(addrStrings(got)) != fmt.Sprint(addrStrings(want)) {
		t.Errorf("%s: %s = %v, %v; want %v", where, field, addrStrings(got), err, addrStrings(want))
	}
}

func addrStrings(l []*mail.Address) []string {
	out := make([]string, len(l))
	for i, a := range l {
		out[i] = a.Name + " <" + a.Address + ">"
	}
	return out
}

func nonNil(a *mail.Address) []*mail.Address {
	if a == nil {
		return nil
	}
	return []*mail.Address{a}
}

// checkICalLines checks RFC 5545 §3.1 on the calendar: CRLF lines of at
// most 75 octets, each valid UTF-8 (no sequence split by a fold). It
// returns the longest line.
func checkICalLines(t *testing.T, where, cal string) int {
	t.Helper()
	if !strings.HasSuffix(cal, "\r\n") {
		t.Errorf("%s: calendar does not end in CRLF", where)
	}
	longest := 0
	for i, line := range strings.Split(strings.TrimSuffix(cal, "\r\n"), "\r\n") {
		longest = max(longest, len(line))
		if len(line) > 75 || !utf8.ValidString(line) || strings.ContainsAny(line, "\r\n") {
			t.Errorf("%s: iCalendar line %d (%d octets) breaks RFC 5545 §3.1: %q", where, i+1, len(line), line)
		}
	}
	return longest
}

// checkICal parses the calendar with go-ical and compares the request's
// fields with x.
func checkICal(t *testing.T, where, body string, x sent) {
	t.Helper()
	cal, err := ical.NewDecoder(strings.NewReader(body)).Decode()
	if err != nil {
		t.Fatalf("%s: go-ical: %v\n%s", where, err, body)
	}
	events := cal.Events()
	if m := cal.Props.Get(ical.PropMethod); m == nil || m.Value != "REQUEST" || len(events) != 1 {
		t.Fatalf("%s: METHOD %v, %d events", where, m, len(events))
	}
	ev := events[0]
	texts := map[string]string{ical.PropUID: x.item.ID, ical.PropSummary: x.item.Subject, ical.PropLocation: x.item.Location}
	if om := x.item.OnlineMeeting; om != nil {
		texts["X-MICROSOFT-ONLINEMEETINGCONFLINK"] = om.FocusURI
		if u, err := ev.Props.URI(ical.PropURL); err != nil || u == nil || u.String() != om.JoinURL {
			t.Errorf("%s: URL %v, %v; want %s", where, u, err, om.JoinURL)
		}
	}
	for name, want := range texts {
		if got, err := ev.Props.Text(name); err != nil || got != want {
			t.Errorf("%s: %s = %q, %v; want %q", where, name, got, err, want)
		}
	}
	start, err1 := ev.DateTimeStart(time.UTC)
	end, err2 := ev.DateTimeEnd(time.UTC)
	if err1 != nil || err2 != nil || !start.Equal(x.item.Start) || !end.Equal(x.item.End) {
		t.Errorf("%s: DTSTART %v %v, DTEND %v %v", where, start, err1, end, err2)
	}
	checkOrganizer(t, where, ev.Props.Get(ical.PropOrganizer), x)
	checkAttendees(t, where, ev.Props.Values(ical.PropAttendee), x.to)
}

func checkOrganizer(t *testing.T, where string, org *ical.Prop, x sent) {
	t.Helper()
	sentBy := ""
	if x.sender != nil {
		sentBy = "mailto:" + x.sender.Address
	}
	if org == nil || org.Value != "mailto:"+x.from.Address || org.Params.Get(ical.ParamCommonName) != x.from.Name || org.Params.Get(ical.ParamSentBy) != sentBy {
		t.Errorf("%s: ORGANIZER %+v, want %s (CN %q, SENT-BY %q)", where, org, x.from.Address, x.from.Name, sentBy)
	}
}

func checkAttendees(t *testing.T, where string, atts []ical.Prop, want []*mail.Address) {
	t.Helper()
	if len(atts) != len(want) {
		t.Fatalf("%s: %d ATTENDEE, want %d", where, len(atts), len(want))
	}
	for i, a := range atts {
		if a.Value != "mailto:"+want[i].Address || a.Params.Get(ical.ParamCommonName) != want[i].Name ||
			a.Params.Get(ical.ParamParticipationStatus) != "NEEDS-ACTION" || a.Params.Get(ical.ParamRSVP) != "TRUE" {
			t.Errorf("%s: ATTENDEE %d = %+v, want %v", where, i, a, want[i])
		}
	}
}
