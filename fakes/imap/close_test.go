package imap

import (
	"testing"

	"github.com/emersion/go-imap/v2/imapclient"
)

// TestCloseReportsNoErrorAfterServing: Close closes the listeners itself
// and go-imap closes them again; that second close is no error (it raced
// the serving goroutine and failed some Closes).
func TestCloseReportsNoErrorAfterServing(t *testing.T) {
	_, st, _ := setup(t)
	for i := 0; i < 100; i++ {
		s := New(st)
		if err := s.Start("127.0.0.1:0"); err != nil {
			t.Fatal(err)
		}
		c, err := imapclient.DialInsecure(s.Addr(), nil)
		if err != nil {
			t.Fatal(err)
		}
		c.Login("alice@contoso.com", "wrong").Wait()
		c.Close()
		if err := s.Close(); err != nil {
			t.Fatalf("round %d: Close: %v", i, err)
		}
	}
}
