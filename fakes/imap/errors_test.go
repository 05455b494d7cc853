package imap

import (
	"errors"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// TestEveryKindHasAResponse keeps the table total: a new store kind
// without an IMAP wire form fails here.
func TestEveryKindHasAResponse(t *testing.T) {
	for _, k := range exchange.Kinds {
		r, ok := responses[k]
		if !ok || (r.typ != imap.StatusResponseTypeNo && r.typ != imap.StatusResponseTypeBad) {
			t.Errorf("kind %s: no IMAP response (%+v)", k, r)
		}
		if r.code == imap.ResponseCodeServerBug {
			t.Errorf("kind %s: SERVERBUG is for ucfake's own failures", k)
		}
	}
	if len(responses) != len(exchange.Kinds) {
		t.Errorf("the table has %d entries for %d kinds", len(responses), len(exchange.Kinds))
	}
	var e *imap.Error
	if !errors.As(wire(errors.New("disk on fire")), &e) || e.Code != imap.ResponseCodeServerBug {
		t.Errorf("a failure of ucfake itself: %v", e)
	}
}

// TestRefusalsCarryResponseCodes reads the codes a real client sees.
func TestRefusalsCarryResponseCodes(t *testing.T) {
	s, st, _ := setup(t)
	c, err := imapclient.DialInsecure(s.Addr(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	wantCode(t, "bad password", c.Login("alice@contoso.com", "wrong").Wait(), imap.ResponseCodeAuthenticationFailed)

	st.GrantMailboxRight("manager", "assistant", exchange.FullAccess)
	shared := dial(t, s, `assistant@contoso.com\manager@contoso.com`, nil)
	st.RevokeMailboxRight("manager", "assistant", exchange.FullAccess)
	_, err = shared.Select("INBOX", nil).Wait()
	wantCode(t, "no rights at all", err, imap.ResponseCodeNonExistent)

	if err := st.SetFolderPermission("manager", "manager", exchange.Inbox, "assistant", exchange.FolderVisible); err != nil {
		t.Fatal(err)
	}
	_, err = shared.Select("INBOX", nil).Wait()
	wantCode(t, "visible but not readable", err, imap.ResponseCodeNoPerm)
}

func wantCode(t *testing.T, what string, err error, code imap.ResponseCode) {
	t.Helper()
	var e *imap.Error
	if !errors.As(err, &e) || e.Type != imap.StatusResponseTypeNo || e.Code != code {
		t.Errorf("%s: got %v, want NO [%s]", what, err, code)
	}
}
