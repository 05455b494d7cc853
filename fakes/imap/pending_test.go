package imap

import (
	"testing"

	"github.com/emersion/go-imap/v2"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// TestFetchSkipsMessagesNotYetAnnounced delivers two messages between
// commands: a UID FETCH 1:* must not answer for them (their sequence
// numbers are not the client's yet), and the next command's EXISTS must
// tell the client of all three.
func TestFetchSkipsMessagesNotYetAnnounced(t *testing.T) {
	s, st, _ := setup(t)
	st.DeliverMessage("alice", exchange.Inbox, []byte("From: bob@contoso.com\r\nSubject: first\r\n\r\nx"), nil)
	c := dial(t, s, "alice", nil)
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		t.Fatal(err)
	}
	for _, subj := range []string{"second", "third"} {
		st.DeliverMessage("alice", exchange.Inbox, []byte("From: bob@contoso.com\r\nSubject: "+subj+"\r\n\r\nx"), nil)
	}
	msgs, err := c.Fetch(imap.UIDSet{{Start: 1, Stop: 0}}, &imap.FetchOptions{UID: true, Envelope: true}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		if m.SeqNum == 0 || m.SeqNum > 1 {
			t.Errorf("FETCH answered for seq %d (uid %d) before announcing it", m.SeqNum, m.UID)
		}
	}
	if n := c.Mailbox().NumMessages; n != 3 {
		t.Fatalf("EXISTS after the FETCH: %d, want 3", n)
	}
	msgs, err = c.Fetch(imap.SeqSet{{Start: 1, Stop: 0}}, &imap.FetchOptions{UID: true}).Collect()
	if err != nil || len(msgs) != 3 {
		t.Fatalf("FETCH 1:* after EXISTS: %v %d", err, len(msgs))
	}
}

func TestAddrBeforeStartAndCloseWithoutStart(t *testing.T) {
	st := exchange.New(exchange.Options{})
	s := New(st)
	if s.Addr() != "" {
		t.Fatalf("Addr before Start: %q", s.Addr())
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close without Start: %v", err)
	}
}
