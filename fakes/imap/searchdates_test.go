package imap

import (
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/ucfake/ucfake/fakes/exchange"
)

func TestSearchByDateAndSize(t *testing.T) {
	s, st, _ := setup(t)
	for i, d := range []string{"Mon, 07 Jul 2014 09:00:00 +0000", "Tue, 08 Jul 2014 09:00:00 +0000", "Wed, 09 Jul 2014 23:30:00 -0500"} {
		raw := "From: bob@contoso.com\r\nDate: " + d + "\r\nSubject: s\r\n\r\n" + strings.Repeat("x", 100*(i+1))
		st.DeliverMessage("alice", exchange.Inbox, []byte(raw), nil)
	}
	c := dial(t, s, "alice", nil)
	c.Select("INBOX", nil).Wait()
	jul := func(d int) time.Time { return time.Date(2014, 7, d, 0, 0, 0, 0, time.UTC) }
	cases := []struct {
		name string
		c    imap.SearchCriteria
		want []uint32
	}{
		{"SINCE 8-Jul", imap.SearchCriteria{Since: jul(8)}, []uint32{2, 3}},
		{"BEFORE 8-Jul", imap.SearchCriteria{Before: jul(8)}, []uint32{1}},
		{"SENTSINCE 10-Jul (UTC of the third)", imap.SearchCriteria{SentSince: jul(10)}, []uint32{3}},
		{"SENTBEFORE 9-Jul", imap.SearchCriteria{SentBefore: jul(9)}, []uint32{1, 2}},
		{"LARGER 350", imap.SearchCriteria{Larger: 350}, []uint32{3}},
		{"SMALLER 350", imap.SearchCriteria{Smaller: 350}, []uint32{1, 2}},
	}
	for _, tc := range cases {
		res, err := c.Search(&tc.c, nil).Wait()
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := res.AllSeqNums(); len(got) != len(tc.want) || (len(got) > 0 && got[0] != tc.want[0]) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
