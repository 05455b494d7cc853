package lync

import (
	"testing"
)

func TestAddUser(t *testing.T) {
	tests := []struct {
		name string
		u    User
		want error
	}{
		{"ok", User{SIP: "sip:new@contoso.com"}, nil},
		{"bare name gets domain", User{SIP: "bare"}, nil},
		{"empty", User{}, ErrInvalidAddress},
		{"no user part", User{SIP: "sip:@contoso.com"}, ErrInvalidAddress},
		{"two ats", User{SIP: "a@b@c"}, ErrInvalidAddress},
		{"exists other case", User{SIP: "SIP:JOE@contoso.com"}, ErrUserExists},
		{"unknown mode", User{SIP: "x@contoso.com", Telephony: "fax"}, ErrInvalidTelephony},
		{"rcc without line", User{SIP: "x@contoso.com", Telephony: RemoteCallControl}, ErrInvalidTelephony},
		{"rcc only without line", User{SIP: "x@contoso.com", Telephony: RemoteCallControlOnly}, ErrInvalidTelephony},
		{"rcc with line", User{SIP: "x@contoso.com", Telephony: RemoteCallControl, LineURI: "tel:+1"}, nil},
		{"unknown client policy", User{SIP: "x@contoso.com", ClientPolicy: "nope"}, ErrPolicyNotFound},
		{"unknown voice policy", User{SIP: "x@contoso.com", VoicePolicy: "nope"}, ErrPolicyNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			got, err := w.AddUser(tt.u)
			wantErr(t, err, tt.want)
			if err == nil && (!got.Enabled || got.Telephony == "" || got.SIP[:4] != "sip:") {
				t.Errorf("AddUser = %+v: want enabled, a mode and a sip: URI", got)
			}
		})
	}
}

func TestUserLookup(t *testing.T) {
	w := newWorld(t)
	u, err := w.User("ANDERS@contoso.com")
	wantErr(t, err, nil)
	if u.SIP != anders || u.Telephony != PCToPCOnly || !u.Enabled {
		t.Errorf("User = %+v", u)
	}
	_, err = w.User("nobody@contoso.com")
	wantErr(t, err, ErrNoSuchUser)
	_, err = w.User("")
	wantErr(t, err, ErrNoSuchUser)
	us := w.Users()
	if len(us) != 3 || us[0].SIP != anders || us[1].SIP != joe || us[2].SIP != kat {
		t.Errorf("Users not sorted: %+v", us)
	}
}

func TestSetTelephony(t *testing.T) {
	tests := []struct {
		name string
		mode Telephony
		line string
		want error
	}{
		{"pc to pc", PCToPCOnly, "", nil},
		{"av disabled", AudioVideoDisabled, "", nil},
		{"ev", EnterpriseVoice, "tel:+1", nil},
		{"rcc", RemoteCallControl, "tel:+1", nil},
		{"rcc only", RemoteCallControlOnly, "tel:+1", nil},
		{"rcc no line", RemoteCallControl, "", ErrInvalidTelephony},
		{"rcc only no line", RemoteCallControlOnly, "", ErrInvalidTelephony},
		{"bogus", "bogus", "", ErrInvalidTelephony},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			u, err := w.SetTelephony(joe, tt.mode, tt.line)
			wantErr(t, err, tt.want)
			if err == nil && (u.Telephony != tt.mode || u.LineURI != tt.line) {
				t.Errorf("got %+v", u)
			}
		})
	}
	w := newWorld(t)
	_, err := w.SetTelephony("ghost", PCToPCOnly, "")
	wantErr(t, err, ErrNoSuchUser)
	// An empty line URI keeps the current one, so RCC works afterwards.
	_, _ = w.SetTelephony(joe, EnterpriseVoice, "tel:+42")
	u, err := w.SetTelephony(joe, RemoteCallControlOnly, "")
	wantErr(t, err, nil)
	if u.LineURI != "tel:+42" {
		t.Errorf("line = %q", u.LineURI)
	}
}

func TestSetUser(t *testing.T) {
	tests := []struct {
		name  string
		start Telephony
		line  string
		o     SetUserOptions
		want  Telephony
		err   error
	}{
		{"enable ev", PCToPCOnly, "", SetUserOptions{EnterpriseVoiceEnabled: ptr(true)}, EnterpriseVoice, nil},
		{"disable av from pc", PCToPCOnly, "", SetUserOptions{AudioVideoDisabled: ptr(true)}, AudioVideoDisabled, nil},
		{"disable av while ev", EnterpriseVoice, "", SetUserOptions{AudioVideoDisabled: ptr(true)}, "", ErrInvalidTelephony},
		{"disable av while ev, ev off same call", EnterpriseVoice, "", SetUserOptions{AudioVideoDisabled: ptr(true), EnterpriseVoiceEnabled: ptr(false)}, "", ErrInvalidTelephony},
		{"disable av while rcc", RemoteCallControl, "tel:+1", SetUserOptions{AudioVideoDisabled: ptr(true)}, "", ErrInvalidTelephony},
		{"rcc needs line", PCToPCOnly, "", SetUserOptions{RemoteCallControlTelephonyEnabled: ptr(true)}, "", ErrInvalidTelephony},
		{"rcc with line", PCToPCOnly, "", SetUserOptions{RemoteCallControlTelephonyEnabled: ptr(true), LineURI: ptr("tel:+1")}, RemoteCallControl, nil},
		{"rcc after av disabled", AudioVideoDisabled, "", SetUserOptions{RemoteCallControlTelephonyEnabled: ptr(true), LineURI: ptr("tel:+1")}, RemoteCallControlOnly, nil},
		{"av and rcc in one call", PCToPCOnly, "", SetUserOptions{AudioVideoDisabled: ptr(true), RemoteCallControlTelephonyEnabled: ptr(true), LineURI: ptr("tel:+1")}, RemoteCallControlOnly, nil},
		{"rcc only stays on av again", RemoteCallControlOnly, "tel:+1", SetUserOptions{AudioVideoDisabled: ptr(true)}, RemoteCallControlOnly, nil},
		{"clear line on rcc", RemoteCallControl, "tel:+1", SetUserOptions{LineURI: ptr("")}, "", ErrInvalidTelephony},
		{"ev wins over av disabled", AudioVideoDisabled, "", SetUserOptions{EnterpriseVoiceEnabled: ptr(true)}, EnterpriseVoice, nil},
		{"ev off to pc", EnterpriseVoice, "", SetUserOptions{EnterpriseVoiceEnabled: ptr(false)}, PCToPCOnly, nil},
		{"rcc off from rcc only", RemoteCallControlOnly, "tel:+1", SetUserOptions{RemoteCallControlTelephonyEnabled: ptr(false)}, AudioVideoDisabled, nil},
		{"av on from av disabled", AudioVideoDisabled, "", SetUserOptions{AudioVideoDisabled: ptr(false)}, PCToPCOnly, nil},
		{"nothing", RemoteCallControl, "tel:+1", SetUserOptions{}, RemoteCallControl, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			if _, err := w.SetTelephony(joe, tt.start, tt.line); err != nil {
				t.Fatal(err)
			}
			u, err := w.SetUser(joe, tt.o)
			wantErr(t, err, tt.err)
			if err == nil && u.Telephony != tt.want {
				t.Errorf("Telephony = %q, want %q", u.Telephony, tt.want)
			}
			if err != nil {
				if got, _ := w.User(joe); got.Telephony != tt.start {
					t.Errorf("failed SetUser changed the mode to %q", got.Telephony)
				}
			}
		})
	}
	w := newWorld(t)
	_, err := w.SetUser("ghost", SetUserOptions{})
	wantErr(t, err, ErrNoSuchUser)
	u, err := w.SetUser(joe, SetUserOptions{Enabled: ptr(false)})
	wantErr(t, err, nil)
	if u.Enabled {
		t.Error("Enabled not cleared")
	}
}
