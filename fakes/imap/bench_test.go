package imap

import (
	"bytes"
	"fmt"
	"net"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"

	"github.com/ucfake/ucfake/fakes/exchange"
)

func benchMessage(i int) []byte {
	return []byte(fmt.Sprintf("From: \"Megan Manager\" <manager@contoso.com>\r\nSender: assistant@contoso.com\r\nTo: alice@contoso.com\r\nSubject: Meeting %d\r\nDate: Mon, 07 Jul 2014 09:00:00 +0000\r\nMessage-ID: <m%d@contoso.com>\r\nContent-Type: text/plain\r\n\r\nBody of message %d.\r\n", i, i, i))
}

func selectFetch(b *testing.B, addr string) {
	c, err := imapclient.DialInsecure(addr, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	if err := c.Login("alice@contoso.com", "pw").Wait(); err != nil {
		b.Fatal(err)
	}
	opts := &imap.FetchOptions{Envelope: true, Flags: true, UID: true, RFC822Size: true}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.Select("INBOX", nil).Wait(); err != nil {
			b.Fatal(err)
		}
		msgs, err := c.Fetch(imap.SeqSet{{Start: 1, Stop: 100}}, opts).Collect()
		if err != nil || len(msgs) != 100 {
			b.Fatalf("fetch %d: %v", len(msgs), err)
		}
	}
}

// BenchmarkSelectFetch100 compares SELECT + FETCH of 100 messages against
// ucfake and against go-imap's own in-memory server holding the same
// messages, with the same client, in one run.
func BenchmarkSelectFetch100(b *testing.B) {
	b.Run("ucfake", func(b *testing.B) {
		s, st, _ := setup(b)
		for i := 0; i < 100; i++ {
			st.DeliverMessage("alice", exchange.Inbox, benchMessage(i), nil)
		}
		selectFetch(b, s.Addr())
	})
	b.Run("imapmemserver", func(b *testing.B) {
		mem := imapmemserver.New()
		u := imapmemserver.NewUser("alice@contoso.com", "pw")
		u.Create("INBOX", nil)
		for i := 0; i < 100; i++ {
			buf := benchMessage(i)
			u.Append("INBOX", benchLiteral{bytes.NewReader(buf), int64(len(buf))}, &imap.AppendOptions{})
		}
		mem.AddUser(u)
		srv := imapserver.New(&imapserver.Options{NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		}, Caps: imap.CapSet{imap.CapIMAP4rev1: {}}, InsecureAuth: true})
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			b.Fatal(err)
		}
		go srv.Serve(ln)
		defer srv.Close()
		selectFetch(b, ln.Addr().String())
	})
}

type benchLiteral struct {
	*bytes.Reader
	n int64
}

func (l benchLiteral) Size() int64 { return l.n }
