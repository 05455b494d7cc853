package imap

import (
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/exchange"
)

func setup(t testing.TB) (*Server, *exchange.Store, *clock.Virtual) { return setupWith(t) }

// setupWith serves manager, assistant and alice (password "pw") with opts.
func setupWith(t testing.TB, opts ...Option) (*Server, *exchange.Store, *clock.Virtual) {
	c := clock.NewVirtual(time.Time{})
	st := exchange.New(exchange.Options{Clock: c})
	for _, u := range []string{"manager", "assistant", "alice"} {
		if _, err := st.AddUser(exchange.User{SMTP: u + "@contoso.com", Password: "pw"}); err != nil {
			t.Fatal(err)
		}
	}
	s := New(st, opts...)
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, st, c
}

func dial(t testing.TB, s *Server, login string, opts *imapclient.Options) *imapclient.Client {
	c, err := imapclient.DialInsecure(s.Addr(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if err := c.Login(login, "pw").Wait(); err != nil {
		t.Fatalf("login %s: %v", login, err)
	}
	return c
}

func meeting(c *clock.Virtual, attendees ...string) exchange.CalendarItem {
	start := c.Now().Add(time.Hour)
	return exchange.CalendarItem{Subject: "Budget", Start: start, End: start.Add(time.Hour), Attendees: attendees}
}

func TestEnvelopeShowsOnBehalf(t *testing.T) {
	s, st, clk := setup(t)
	if _, err := st.AddDelegate("manager", "manager", exchange.DefaultDelegate("assistant")); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateCalendarItem("assistant", "manager", meeting(clk, "alice"), exchange.SendToAllAndSaveCopy); err != nil {
		t.Fatal(err)
	}
	c := dial(t, s, "alice@contoso.com", nil)
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		t.Fatal(err)
	}
	msgs, err := c.Fetch(imap.SeqSetNum(1), &imap.FetchOptions{Envelope: true, UID: true, Flags: true}).Collect()
	if err != nil || len(msgs) != 1 {
		t.Fatalf("fetch: %v %d", err, len(msgs))
	}
	env := msgs[0].Envelope
	if env.Subject != "Budget" || env.From[0].Addr() != "manager@contoso.com" || len(env.Sender) != 1 || env.Sender[0].Addr() != "assistant@contoso.com" {
		t.Fatalf("envelope %+v from %v sender %v", env, env.From, env.Sender)
	}
}

func TestSharedMailboxLoginNeedsFullAccess(t *testing.T) {
	s, st, _ := setup(t)
	c, _ := imapclient.DialInsecure(s.Addr(), nil)
	defer c.Close()
	if err := c.Login(`assistant@contoso.com\manager@contoso.com`, "pw").Wait(); err == nil {
		t.Fatal("a plain delegate opened the manager's mailbox")
	}
	st.GrantMailboxRight("manager", "assistant", exchange.FullAccess)
	st.DeliverMessage("manager", exchange.Inbox, []byte("From: alice@contoso.com\r\nSubject: private\r\n\r\nhello"), nil)
	for _, login := range []string{`assistant@contoso.com\manager@contoso.com`, `CONTOSO\assistant\manager`} {
		c := dial(t, s, login, nil)
		data, err := c.Select("INBOX", nil).Wait()
		if err != nil || data.NumMessages != 1 {
			t.Fatalf("%s: %v %+v", login, err, data)
		}
	}
}

func TestParseLogin(t *testing.T) {
	cases := []struct{ in, user, mailbox string }{
		{"a@contoso.com", "a@contoso.com", ""},
		{`CONTOSO\a`, "a", ""},
		{`a@contoso.com\b@contoso.com`, "a@contoso.com", "b@contoso.com"},
		{`CONTOSO\a\b`, "a", "b"},
	}
	for _, c := range cases {
		u, m, err := ParseLogin(c.in)
		if err != nil || u != c.user || m != c.mailbox {
			t.Errorf("ParseLogin(%q) = %q %q %v", c.in, u, m, err)
		}
	}
	for _, bad := range []string{"", `\`, `a\\b`, `a@x\b\c`, `a\b\c\d`} {
		if _, _, err := ParseLogin(bad); err == nil {
			t.Errorf("ParseLogin(%q) accepted", bad)
		}
	}
}

func FuzzParseLogin(f *testing.F) {
	for _, s := range []string{`a@contoso.com\b@contoso.com`, `CONTOSO\a\b`, "a", `\\\`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, login string) {
		u, m, err := ParseLogin(login)
		if err == nil && (u == "" || strings.Contains(u, `\`) || strings.Contains(m, `\`)) {
			t.Fatalf("ParseLogin(%q) = %q, %q", login, u, m)
		}
	})
}

func TestSearchStoreExpungeAndStatus(t *testing.T) {
	s, st, _ := setup(t)
	for _, subj := range []string{"one", "two", "three"} {
		st.DeliverMessage("alice", exchange.Inbox, []byte("From: bob@contoso.com\r\nSubject: "+subj+"\r\n\r\nbody "+subj), nil)
	}
	c := dial(t, s, "alice", nil)
	c.Select("INBOX", nil).Wait()
	res, err := c.Search(&imap.SearchCriteria{Header: []imap.SearchCriteriaHeaderField{{Key: "Subject", Value: "two"}}}, nil).Wait()
	if err != nil || len(res.AllSeqNums()) != 1 || res.AllSeqNums()[0] != 2 {
		t.Fatalf("search: %v %v", err, res)
	}
	if err := c.Store(imap.SeqSetNum(2), &imap.StoreFlags{Op: imap.StoreFlagsAdd, Flags: []imap.Flag{imap.FlagDeleted}, Silent: true}, nil).Close(); err != nil {
		t.Fatal(err)
	}
	gone, err := c.Expunge().Collect()
	if err != nil || len(gone) != 1 || gone[0] != 2 {
		t.Fatalf("expunge: %v %v", err, gone)
	}
	status, err := c.Status("INBOX", &imap.StatusOptions{NumMessages: true, NumUnseen: true}).Wait()
	if err != nil || *status.NumMessages != 2 {
		t.Fatalf("status: %v %+v", err, status)
	}
	if _, err := c.Select("Calendar", nil).Wait(); err == nil {
		t.Fatal("a non-mail folder was selected")
	}
	if err := c.Create("New", nil).Wait(); err == nil {
		t.Fatal("CREATE accepted")
	}
}

func TestIdleSeesANewInvitation(t *testing.T) {
	s, st, clk := setup(t)
	got := make(chan uint32, 4)
	c := dial(t, s, "alice", &imapclient.Options{UnilateralDataHandler: &imapclient.UnilateralDataHandler{
		Mailbox: func(d *imapclient.UnilateralDataMailbox) {
			if d.NumMessages != nil {
				got <- *d.NumMessages
			}
		}}})
	c.Select("INBOX", nil).Wait()
	idle, err := c.Idle()
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond) // test only: let IDLE reach the server
	if _, err := st.CreateCalendarItem("manager", "manager", meeting(clk, "alice"), exchange.SendOnlyToAll); err != nil {
		t.Fatal(err)
	}
	select {
	case n := <-got:
		if n != 1 {
			t.Fatalf("EXISTS %d", n)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the idling client was not told of the invitation")
	}
	idle.Close()
	idle.Wait()
}
