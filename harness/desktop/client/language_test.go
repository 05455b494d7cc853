package client

import (
	"strings"
	"testing"
)

func TestParseLanguage(t *testing.T) {
	for in, want := range map[string]Language{"": EnUS, "sv-se": SvSE, "en": EnUS, "SV": SvSE, "en-US": EnUS} {
		if got, err := ParseLanguage(in); err != nil || got != want {
			t.Errorf("ParseLanguage(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseLanguage("de-DE"); err == nil || !strings.Contains(err.Error(), `"de-DE"`) || !strings.Contains(err.Error(), "en-US, sv-SE") {
		t.Errorf("de-DE: %v", err)
	}
}
