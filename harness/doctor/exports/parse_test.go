package exports

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/harness/desktop"
)

// readDir reads every file of a testdata directory.
func readDir(t *testing.T, dir string) []File {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", dir, "*"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("testdata/%s: %v", dir, err)
	}
	var out []File
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, File{Name: p, Data: data})
	}
	return out
}

func TestTheKB000Issue1ExportsParse(t *testing.T) {
	e, err := Parse(readDir(t, "kb000-issue1"))
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Users) != 2 || e.Users[0].SIP != "sip:manager@contoso.com" || !e.Users[0].RCC || e.Users[0].ClientPolicy != "ExchangeDelegateSync" {
		t.Fatalf("users %+v", e.Users)
	}
	if !strings.HasSuffix(e.Users[0].Identity, "DC=contoso,DC=com") {
		t.Errorf("the Identity lost its first line")
	}
	if len(e.ClientPolicies) != 1 || e.ClientPolicies[0].Value == nil || !*e.ClientPolicies[0].Value {
		t.Errorf("client policies %+v", e.ClientPolicies)
	}
	if len(e.VoicePolicies) != 1 || !*e.VoicePolicies[0].Value {
		t.Errorf("voice policies %+v", e.VoicePolicies)
	}
	if len(e.FolderPerms) != 6 || e.FolderPerms[2].User != "Adam Assistant" || e.FolderPerms[2].Rights[0] != "Editor" || e.FolderPerms[2].Mailbox != "manager@contoso.com" {
		t.Errorf("folder permissions %+v", e.FolderPerms)
	}
	if len(e.SendOnBehalf) != 1 || e.SendOnBehalf[0].Users[0] != "contoso.com/Staff/Adam Assistant" {
		t.Errorf("send on behalf %+v", e.SendOnBehalf)
	}
	if len(e.MailboxPerms) != 6 || e.MailboxPerms[0].Mailbox != "manager" || !e.MailboxPerms[1].UserCut || !e.MailboxPerms[1].Inherited {
		t.Errorf("mailbox permissions %+v", e.MailboxPerms)
	}
	if len(e.Registry) != 2 || len(e.ConfigInfo) != 2 || !e.ConfigInfo[0].MAPIOK || len(e.SEFA) != 1 || e.SEFA[0].Listed {
		t.Errorf("registry %+v config %+v sefa %+v", e.Registry, e.ConfigInfo, e.SEFA)
	}
	b, err := Build(e)
	if err != nil {
		t.Fatal(err)
	}
	defer b.World.Close()
	if u, _ := b.World.Lync().User("manager"); u.Telephony != lync.RemoteCallControl {
		t.Errorf("manager's telephony %s", u.Telephony)
	}
	if pc := b.World.Computer("PC-MANAGER"); pc == nil || pc.Lync().Kind() != desktop.Lync2013 || !pc.Lync().SignedIn() {
		t.Errorf("PC-MANAGER %+v", pc)
	}
	if !strings.Contains(strings.Join(b.Assumptions, "\n"), "KB Issue 1") {
		t.Errorf("assumptions %v", b.Assumptions)
	}
}

func TestTheRegExportIsReadAsRegeditWritesIt(t *testing.T) {
	keys := []RegKey{{Path: `HKEY_CURRENT_USER\Software\Microsoft\Office\15.0\Lync`, Values: []RegValue{
		{Name: "ServerSipUri", Strings: []string{"user21@contoso.com"}},
		{Name: "Last DelegatorList", Strings: []string{"sip:user20@contoso.com", "sip:user22@contoso.com", "sip:a-much-longer-delegator-name@contoso.com"}, Multi: true},
		{Name: "Outstanding DelegatorList", Strings: []string{"sip:user20@contoso.com"}, Multi: true},
	}}}
	data := RegExport(keys)
	if data[0] != 0xFF || data[1] != 0xFE {
		t.Fatal("no byte-order mark")
	}
	text, _ := File{Name: "x.reg", Data: data}.text()
	if !strings.Contains(text, ",\\\r\n  ") {
		t.Fatalf("hex(7) not wrapped as regedit does:\n%s", text)
	}
	e, err := Parse([]File{{Name: "PC-USER21.reg", Data: data}})
	if err != nil {
		t.Fatal(err)
	}
	r := e.Registry[0]
	if r.Computer != "PC-USER21" || r.User != "sip:user21@contoso.com" || len(r.Values[desktop.LastDelegatorList]) != 3 || r.Values[desktop.OutstandingDelegatorList][0] != "sip:user20@contoso.com" {
		t.Fatalf("dump %+v", r)
	}
}

func TestARegSZDelegatorListIsAccepted(t *testing.T) {
	text := "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\15.0\\Lync]\r\n\"ServerSipUri\"=\"user21@contoso.com\"\r\n\"Last DelegatorList\"=\"sip:user20@contoso.com;sip:user22@contoso.com\"\r\n"
	e, err := Parse([]File{{Name: "PC.reg", Data: []byte(text)}})
	if err != nil || len(e.Registry[0].Values[desktop.LastDelegatorList]) != 2 {
		t.Fatalf("%+v %v", e, err)
	}
}

// refusals are inputs the doctor cannot read, each with the file:line and
// the words the refusal must carry.
var refusals = []struct {
	name, text string
	want       []string
}{
	{"empty.txt", "  \n", []string{"empty.txt: want an export", "an empty file"}},
	{"prose.txt", "Hello,\nplease look at my Lync.\n", []string{"prose.txt:1: want `Name : value`", "Hello,"}},
	{"unknown.txt", "Name : x\nColour : blue\n", []string{"unknown.txt:1: want the output of Get-CsUser", "properties Name, Colour"}},
	{"badbool.txt", "SipAddress : sip:a@contoso.com\nEnterpriseVoiceEnabled : Maybe\n", []string{"badbool.txt:2: want EnterpriseVoiceEnabled True or False", "Maybe"}},
	{"nosip.txt", "SipAddress : alice\n", []string{"nosip.txt:1: want SipAddress sip:user@domain"}},
	{"nombx.txt", "FolderName User AccessRights\n---------- ---- ------------\nCalendar   Bob  {Editor}\n", []string{"nombx.txt:3: want the mailbox"}},
	{"bad.reg", "Windows Registry Editor Version 5.00\r\n\r\n\"orphan\"=\"x\"\r\n", []string{"bad.reg:3: want a [HKEY_...] key line"}},
	{"badhex.reg", "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\15.0\\Lync]\r\n\"Last DelegatorList\"=hex(7):zz,00\r\n", []string{"badhex.reg:4: want data", "a bad hex byte"}},
	{"nolync.reg", "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\Other]\r\n\"a\"=\"b\"\r\n", []string{"nolync.reg: want the Lync client's key"}},
	{"nouser.reg", "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\15.0\\Lync]\r\n\"a\"=\"b\"\r\n", []string{"nouser.reg: want the signed-in user"}},
	{"mapi.txt", "MAPI Information\tsomething odd\r\n", []string{"mapi.txt:1: want MAPI Information", "something odd"}},
	{"sefa.txt", "User Aor: sip:a@contoso.com\nGibberish line\n", []string{"sefa.txt:2: want a SEFAUtil line"}},
	{"utf16odd.reg", "\xff\xfeW", []string{"utf16odd.reg: want UTF-16 text of an even number of bytes"}},
	{"latin1.txt", "SipAddress : sip:caf\xe9@contoso.com\n", []string{"latin1.txt: want UTF-8 text"}},
}

func TestWhatCannotBeReadIsRefusedWithFileLineAndWhatWasExpected(t *testing.T) {
	for _, r := range refusals {
		_, err := Parse([]File{{Name: r.name, Data: []byte(r.text)}})
		var pe *Error
		if !errors.As(err, &pe) {
			t.Errorf("%s: want an *Error, got %v", r.name, err)
			continue
		}
		for _, w := range r.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q lacks %q", r.name, err, w)
			}
		}
	}
}

func TestACutNameMustNameOneUser(t *testing.T) {
	files := readDir(t, "kb000-issue1")
	files = append(files, File{Name: "cut.txt", Data: []byte("PS C:\\> Get-MailboxPermission manager\r\n\r\nIdentity             User        AccessRights IsInherited Deny\r\n--------             ----        ------------ ----------- ----\r\ncontoso.com/Staff... CONTOSO\\... {FullAccess} False       False\r\n")})
	e, err := Parse(files)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Build(e)
	if err == nil || !strings.Contains(err.Error(), "cut.txt:5: want a cut name matching exactly one user (it matches 2") {
		t.Fatalf("ambiguous cut name: %v", err)
	}
}

func TestAUserMissingFromGetCsUserIsRefused(t *testing.T) {
	files := readDir(t, "kb000-issue1")
	files = append(files, File{Name: "sob.txt", Data: []byte("Identity            : contoso.com/Staff/Megan Manager\r\nGrantSendOnBehalfTo : {contoso.com/Staff/Zed Unknown}\r\n")})
	e, err := Parse(files)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Build(e); err == nil || !strings.Contains(err.Error(), `sob.txt:1: want a user of the Get-CsUser output (add `+"`"+`Get-CsUser "contoso.com/Staff/Zed Unknown"`) {
		t.Fatalf("unknown user: %v", err)
	}
}
