package desktop

import (
	"strings"
	"testing"
)

func TestParseClientKind(t *testing.T) {
	for in, want := range map[string]ClientKind{"": Lync2013, "Lync 2010": Lync2010, "sfb": SfB2015,
		"Skype for Business 2015": SfB2015, "basic": LyncBasic, "Lync for Mac 2011": LyncMac2011} {
		if got, err := ParseClientKind(in); err != nil || got != want {
			t.Errorf("ParseClientKind(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseClientKind("Teams"); err == nil || !strings.Contains(err.Error(), "Lync 2013") {
		t.Errorf("unknown kind error %v", err)
	}
}

func TestKindCapabilities(t *testing.T) {
	if LyncBasic.Delegation() || !Lync2013.Delegation() {
		t.Error("Delegation")
	}
	if LyncMac2011.MAPI() || !SfB2015.MAPI() {
		t.Error("MAPI")
	}
	if LyncMac2011.ScheduleOnBehalf() || LyncBasic.ScheduleOnBehalf() || !Lync2010.ScheduleOnBehalf() {
		t.Error("ScheduleOnBehalf")
	}
	if Lync2013.RegistryKey() != `HKCU\Software\Microsoft\Office\15.0\Lync` {
		t.Error("Lync 2013 registry key differs from seed 003")
	}
	if !strings.Contains(Lync2010.PermissionError(), "Please contact the owner of the account to get delegate permissions in Lync") {
		t.Error("Lync 2010 text lacks seed 001's wording")
	}
	if Lync2013.PermissionError() != "You do not have permissions to schedule Lync Meetings on behalf of the owner of this account. Please contact the owner of the account to get delegate permissions in Microsoft Lync." {
		t.Error("Lync 2013 text differs from seed 000")
	}
}

func TestLabels(t *testing.T) {
	if LabelsFor(SvSE).DelegatesGroup != "Ombud" || LabelsFor("xx-XX").DelegatesGroup != "Delegates" {
		t.Error("labels")
	}
	for in, want := range map[string]Language{"": EnUS, "sv-se": SvSE, "en": EnUS} {
		if got, err := ParseLanguage(in); err != nil || got != want {
			t.Errorf("ParseLanguage(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseLanguage("de-DE"); err == nil {
		t.Error("de-DE accepted")
	}
}

func TestRegistryHelpers(t *testing.T) {
	r := newRegistry()
	r.set("k", "v", []string{"sip:b@x", "sip:a@x"})
	if got := r.get("k", "v"); len(got) != 2 || got[0] != "sip:a@x" {
		t.Errorf("get = %v", got)
	}
	if got := without(r.get("k", "v"), "SIP:A@X"); len(got) != 1 || !contains(got, "sip:b@x") {
		t.Errorf("without = %v", got)
	}
	if len(r.get("k", "missing")) != 0 {
		t.Error("missing value not empty")
	}
}
