package harness

import (
	"fmt"

	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fixtures"
)

// UserSpec describes a user to add: a mailbox and a Lync account.
type UserSpec struct {
	Alias        string         // required; addresses are alias@domain
	DisplayName  string         // default Alias
	Password     string         // default fixtures.DefaultPassword
	Telephony    lync.Telephony // default PC-to-PC only
	LineURI      string
	Site         string
	LyncDisabled bool
	Admin        bool // may use the admin cmdlets (default false)
}

// AddUser adds a user to both fakes and returns their GAL entry.
func (w *World) AddUser(s UserSpec) (exchange.User, error) { return w.now().addUser(s) }

func (w *contents) addUser(s UserSpec) (exchange.User, error) {
	if s.DisplayName == "" {
		s.DisplayName = s.Alias
	}
	if s.Password == "" {
		s.Password = fixtures.DefaultPassword
	}
	addr := s.Alias + "@" + w.domain
	u, err := w.exchange.AddUser(exchange.User{SMTP: addr, SIP: directory.NormalizeSIP(addr), DisplayName: s.DisplayName, Alias: s.Alias, Password: s.Password, Admin: s.Admin})
	if err != nil {
		return u, fmt.Errorf("harness: user %s: %w", s.Alias, err)
	}
	if s.Telephony == "" {
		s.Telephony = lync.PCToPCOnly
	}
	_, err = w.lync.AddUser(lync.User{SIP: u.SIP, DisplayName: s.DisplayName, Telephony: s.Telephony, LineURI: s.LineURI, Site: s.Site})
	if err != nil {
		return u, fmt.Errorf("harness: user %s: %w", s.Alias, err)
	}
	if s.LyncDisabled {
		off := false
		if _, err := w.lync.SetUser(u.SIP, lync.SetUserOptions{Enabled: &off}); err != nil {
			return u, err
		}
	}
	return u, nil
}

// User returns a user's GAL entry by any name; it panics when there is no
// such user, for use in specs with known fixtures.
func (w *World) User(name string) exchange.User {
	u, err := w.Exchange().Lookup(name)
	if err != nil {
		panic(fmt.Sprintf("harness: no user %q: %v", name, err))
	}
	return u
}
