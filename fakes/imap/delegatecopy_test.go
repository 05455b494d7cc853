package imap

import (
	"testing"

	"github.com/emersion/go-imap/v2"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// TestDelegateReceivesCopyOverIMAP: a delegate who receives copies of
// meeting messages finds the manager's invitation in their own INBOX, and
// EXAMINE is read-only.
func TestDelegateReceivesCopyOverIMAP(t *testing.T) {
	s, st, clk := setup(t)
	if _, err := st.AddDelegate("manager", "manager", exchange.DefaultDelegate("assistant")); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateCalendarItem("alice", "alice", meeting(clk, "manager"), exchange.SendToAllAndSaveCopy); err != nil {
		t.Fatal(err)
	}
	c := dial(t, s, "assistant@contoso.com", nil)
	data, err := c.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil || data.NumMessages != 1 {
		t.Fatalf("select: %v %+v", err, data)
	}
	msgs, err := c.Fetch(imap.SeqSetNum(1), &imap.FetchOptions{Envelope: true}).Collect()
	if err != nil || len(msgs) != 1 || msgs[0].Envelope.Subject != "Budget" || msgs[0].Envelope.From[0].Addr() != "alice@contoso.com" {
		t.Fatalf("fetch: %v %+v", err, msgs)
	}
	if err := c.Store(imap.SeqSetNum(1), &imap.StoreFlags{Op: imap.StoreFlagsAdd, Flags: []imap.Flag{imap.FlagSeen}}, nil).Close(); err == nil {
		t.Fatal("STORE succeeded on an EXAMINEd folder")
	}
}
