package profile

import (
	"strings"
	"testing"
)

func TestParseExchange(t *testing.T) {
	for in, want := range map[string]Exchange{"": Exchange2013SP1, "Exchange2010_SP2": Exchange2010SP2, "exchange 2013 sp1": Exchange2013SP1,
		"2016": Exchange2016, "2010 SP2": Exchange2010SP2} {
		if got, err := ParseExchange(in); err != nil || got != want {
			t.Errorf("ParseExchange(%q) = %q, %v", in, got, err)
		}
	}
	_, err := ParseExchange("Exchange2019")
	if err == nil || !strings.Contains(err.Error(), `unknown Exchange version "Exchange2019" (want one of: Exchange2010_SP2, Exchange2013_SP1, Exchange2016)`) {
		t.Errorf("got %v", err)
	}
}

func TestParseLync(t *testing.T) {
	for in, want := range map[string]Lync{"": Lync2013, "Lync Server 2010": Lync2010, "sfb": SfB2015, "2015": SfB2015, "lync2013": Lync2013} {
		if got, err := ParseLync(in); err != nil || got != want {
			t.Errorf("ParseLync(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseLync("Teams"); err == nil || !strings.Contains(err.Error(), "Lync Server 2010, Lync Server 2013, Skype for Business Server 2015") {
		t.Errorf("got %v", err)
	}
}

func TestDefaultsAndCapabilities(t *testing.T) {
	if p := (Profile{}).WithDefaults(); p.Exchange != Exchange2013SP1 || p.Lync != Lync2013 {
		t.Errorf("defaults %+v", p)
	}
	if Lync2010.UCWA() || !Lync2013.UCWA() || !SfB2015.UCWA() {
		t.Error("UCWA by version")
	}
	if err := (Profile{Exchange: "x"}).Validate(); err == nil {
		t.Error("a bad version validated")
	}
}
