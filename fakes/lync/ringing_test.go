package lync

import "testing"

func TestSetRinging(t *testing.T) {
	w := newWorld(t)
	r, err := w.SetRinging(kat, Ringing{Mode: RingSimultaneous}, SourceAdmin)
	wantErr(t, err, nil)
	if r != (Ringing{SIP: kat}) || w.Ringing(kat) != r {
		t.Fatalf("without delegates ringing must stay off: %+v", r)
	}
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	r, err = w.SetRinging("katarina", Ringing{SIP: "ignored", Mode: RingDelayed, DelaySeconds: 10}, SourceAdmin)
	wantErr(t, err, nil)
	if want := (Ringing{SIP: kat, Mode: RingDelayed, DelaySeconds: 10}); r != want || w.Ringing(kat) != want {
		t.Fatalf("delayed: %+v", r)
	}
	for _, bad := range []Ringing{{Mode: "sometimes"}, {Mode: RingDelayed, DelaySeconds: MaxDelaySeconds + 1},
		{Mode: RingDelayed, DelaySeconds: -1}, {Mode: RingForward, DelaySeconds: 5}} {
		_, err := w.SetRinging(kat, bad, SourceAdmin)
		wantErr(t, err, ErrInvalidRinging)
	}
	_, err = w.SetRinging("ghost", Ringing{Mode: RingForward}, SourceAdmin)
	wantErr(t, err, ErrNoSuchUser)
	r, err = w.SetRinging(kat, Ringing{}, SourceAdmin)
	wantErr(t, err, nil)
	if r != (Ringing{SIP: kat}) || w.Ringing(kat).Mode != RingOff {
		t.Fatalf("off: %+v", r)
	}
}
