// Package profile names the server versions a tenant emulates: the
// Exchange version EWS answers as (its ServerVersionInfo, the
// RequestServerVersion values it takes, the elements it has) and the Lync
// Server version of the Lync side. The faces hold the wire details (fakes/ews
// for ServerVersionInfo); this package holds the names, their defaults and
// the capabilities that differ between versions.
package profile

import (
	"fmt"
	"strings"
)

// Exchange is an emulated Exchange version, named by its EWS schema.
type Exchange string

// The Exchange versions ucfake emulates.
const (
	Exchange2010SP2 Exchange = "Exchange2010_SP2"
	Exchange2013SP1 Exchange = "Exchange2013_SP1"
	Exchange2016    Exchange = "Exchange2016"
)

// ExchangeVersions lists them, oldest first.
var ExchangeVersions = []Exchange{Exchange2010SP2, Exchange2013SP1, Exchange2016}

// DefaultExchange is Exchange 2013 SP1.
const DefaultExchange = Exchange2013SP1

// Lync is an emulated Lync Server version.
type Lync string

// The Lync Server versions ucfake emulates.
const (
	Lync2010 Lync = "Lync Server 2010"
	Lync2013 Lync = "Lync Server 2013"
	SfB2015  Lync = "Skype for Business Server 2015"
)

// LyncVersions lists them, oldest first.
var LyncVersions = []Lync{Lync2010, Lync2013, SfB2015}

// DefaultLync is Lync Server 2013.
const DefaultLync = Lync2013

// Profile is what a tenant emulates. The zero Profile is the defaults.
type Profile struct {
	Exchange Exchange `json:"exchange,omitempty"`
	Lync     Lync     `json:"lync,omitempty"`
}

// WithDefaults fills in the default of each version not set.
func (p Profile) WithDefaults() Profile {
	if p.Exchange == "" {
		p.Exchange = DefaultExchange
	}
	if p.Lync == "" {
		p.Lync = DefaultLync
	}
	return p
}

// Normalise returns p with each version in its canonical spelling and the
// defaults filled in, or the error naming a version ucfake does not
// emulate.
func (p Profile) Normalise() (Profile, error) {
	ex, err := ParseExchange(string(p.Exchange))
	if err != nil {
		return Profile{}, err
	}
	ly, err := ParseLync(string(p.Lync))
	if err != nil {
		return Profile{}, err
	}
	return Profile{Exchange: ex, Lync: ly}, nil
}

// Validate checks that each version set is one ucfake emulates.
func (p Profile) Validate() error {
	_, err := p.Normalise()
	return err
}

var exchangeForms = map[string]Exchange{
	"exchange2010sp2": Exchange2010SP2, "2010sp2": Exchange2010SP2,
	"exchange2013sp1": Exchange2013SP1, "2013sp1": Exchange2013SP1,
	"exchange2016": Exchange2016, "2016": Exchange2016,
}

// ParseExchange accepts a version's name ("Exchange2010_SP2"), its product
// name ("Exchange 2013 SP1") or a short form ("2010 SP2", "2013 SP1",
// "2016"), case-insensitively; "" is the default.
func ParseExchange(s string) (Exchange, error) {
	if strings.TrimSpace(s) == "" {
		return DefaultExchange, nil
	}
	if v, ok := exchangeForms[normalise(s)]; ok {
		return v, nil
	}
	return "", fmt.Errorf("unknown Exchange version %q (want one of: %s)", s, join(ExchangeVersions))
}

var lyncForms = map[string]Lync{
	"lyncserver2010": Lync2010, "lync2010": Lync2010, "2010": Lync2010,
	"lyncserver2013": Lync2013, "lync2013": Lync2013, "2013": Lync2013,
	"skypeforbusinessserver2015": SfB2015, "skypeforbusiness2015": SfB2015, "sfb2015": SfB2015, "sfb": SfB2015, "2015": SfB2015,
}

// ParseLync accepts a version's name ("Lync Server 2010") or a short form
// ("Lync2013", "2015", "SfB2015"), case-insensitively; "" is the default.
func ParseLync(s string) (Lync, error) {
	if strings.TrimSpace(s) == "" {
		return DefaultLync, nil
	}
	if v, ok := lyncForms[normalise(s)]; ok {
		return v, nil
	}
	return "", fmt.Errorf("unknown Lync Server version %q (want one of: %s)", s, join(LyncVersions))
}

// UCWA reports whether the version serves UCWA: Lync Server 2013 and
// Skype for Business Server 2015 do; Lync Server 2010's APIs (the Lync 2010
// SDK, UCMA 3.0) include none.
func (l Lync) UCWA() bool { return l != Lync2010 }

// normalise lower-cases s and keeps only its ASCII letters and digits.
func normalise(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func join[T ~string](vs []T) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = string(v)
	}
	return strings.Join(parts, ", ")
}
