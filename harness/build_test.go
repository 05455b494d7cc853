package harness

import (
	"testing"

	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fixtures"
	"github.com/ucfake/ucfake/harness/desktop"
)

// TestFixtureEnumsReachTheWorld builds a fixture that spells every enum in
// another case or a short form and checks that each value arrives in the
// fakes as its canonical value.
func TestFixtureEnumsReachTheWorld(t *testing.T) {
	org, err := fixtures.Parse("enums.yaml", []byte(`
users:
  - {alias: boss, telephony: enterprise voice}
  - {alias: aide}
mailboxPermissions: [{mailbox: boss, user: aide, rights: [sendas]}]
delegates: [{manager: boss, delegate: aide, calendar: reviewer, inbox: AUTHOR}]
lyncDelegates: [{delegator: boss, delegate: aide, source: LYNC-UI}]
computers:
  - {name: PC-AIDE, user: aide, client: sfb, language: sv}
  - {name: PC-BOSS, user: boss}
`))
	if err != nil {
		t.Fatal(err)
	}
	w, err := Build(org)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if u, err := w.Lync().User("sip:boss@contoso.com"); err != nil || u.Telephony != lync.EnterpriseVoice {
		t.Errorf("boss telephony %q, %v", u.Telephony, err)
	}
	if !w.Exchange().HasMailboxRight("boss", "aide", exchange.SendAs) {
		t.Error("aide lacks SendAs on boss")
	}
	ds, err := w.Exchange().Delegates("boss", "boss")
	if err != nil || len(ds) != 1 || ds[0].Permissions.Calendar != exchange.RoleReviewer || ds[0].Permissions.Inbox != exchange.RoleAuthor ||
		ds[0].Permissions.Tasks != exchange.RoleEditor {
		t.Errorf("delegates %+v, %v", ds, err)
	}
	if rs := w.Lync().Delegates("sip:boss@contoso.com"); len(rs) != 1 || rs[0].Source != lync.SourceLyncUI {
		t.Errorf("lync delegate records %+v", rs)
	}
	aide, boss := w.Computer("PC-AIDE").Lync(), w.Computer("PC-BOSS").Lync()
	if aide.Kind() != desktop.SfB2015 || aide.Language() != desktop.SvSE || boss.Kind() != desktop.Lync2013 || boss.Language() != desktop.EnUS {
		t.Errorf("PC-AIDE %q %q, PC-BOSS %q %q", aide.Kind(), aide.Language(), boss.Kind(), boss.Language())
	}
}
