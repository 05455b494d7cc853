package client

import (
	"strings"
	"testing"
)

func TestParseKind(t *testing.T) {
	for in, want := range map[string]Kind{"": Lync2013, "Lync 2010": Lync2010, "sfb": SfB2015, "lync 2013": Lync2013,
		"Skype for Business 2015": SfB2015, "2016": SfB2016, "sfb 2016": SfB2016, "basic": LyncBasic, "Lync for Mac 2011": LyncMac2011, "MAC": LyncMac2011} {
		if got, err := ParseKind(in); err != nil || got != want {
			t.Errorf("ParseKind(%q) = %q, %v", in, got, err)
		}
	}
	for _, k := range Kinds {
		if got, err := ParseKind(string(k)); err != nil || got != k {
			t.Errorf("ParseKind(%q) = %q, %v: a kind's own name does not parse to itself", k, got, err)
		}
	}
	_, err := ParseKind("Teams")
	if err == nil || !strings.Contains(err.Error(), `"Teams"`) || !strings.Contains(err.Error(), "Lync 2010, Lync 2013, Skype for Business 2015, Skype for Business 2016, Lync Basic 2013, Lync for Mac 2011") {
		t.Errorf("unknown kind error %v does not name the value and every kind", err)
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
	if SfB2016.RegistryKey() != `HKCU\Software\Microsoft\Office\16.0\Lync` {
		t.Error("Skype for Business 2016 registry key is not Office 16.0's")
	}
	if SfB2016.PermissionError() != "You do not have permissions to schedule online meetings on behalf of the owner of this account. Please contact the owner of the account to get delegate permissions in Lync." {
		t.Error("Skype for Business 2016 text differs from KB 3147130")
	}
	if !strings.Contains(Lync2010.PermissionError(), "Please contact the owner of the account to get delegate permissions in Lync") {
		t.Error("Lync 2010 text lacks seed 001's wording")
	}
	if Lync2013.PermissionError() != "You do not have permissions to schedule Lync Meetings on behalf of the owner of this account. Please contact the owner of the account to get delegate permissions in Microsoft Lync." {
		t.Error("Lync 2013 text differs from seed 000")
	}
}
