package lync

import "testing"

// FuzzInputs feeds arbitrary strings to the parsing entry points: none may
// panic, and every error must be a typed *Error.
func FuzzInputs(f *testing.F) {
	for _, s := range []string{"", "/", "/server:x sip:katarina@contoso.com /delayringdelegates:9", "a@b@c", "sip:", ":::", "Tag:", "/adddelegate:joe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		w := newWorld(t)
		check := func(err error) {
			if _, ok := err.(*Error); err != nil && !ok {
				t.Fatalf("untyped error %T %v", err, err)
			}
		}
		_, err := w.SetRinging(in, Ringing{Mode: RingMode(in), DelaySeconds: len(in)}, SourceAdmin)
		check(err)
		check(w.AddDelegate(in, joe, SourceAdmin))
		_, err = w.CreateConference(kat, in, ConferenceRequest{ConferenceID: in})
		check(err)
		check(w.NewClientPolicy(ClientPolicy{Identity: in}))
		_, err = w.PublishDelegates(kat, []string{in}, 1)
		check(err)
		_, err = w.AddUser(User{SIP: in, Telephony: Telephony(in)})
		check(err)
	})
}
