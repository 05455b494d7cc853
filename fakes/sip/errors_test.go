package sip

import (
	"testing"

	"github.com/ucfake/ucfake/fakes/lync"
)

// TestEveryKindHasASIPFault keeps the table total: a new back-end kind
// without a SIP wire form fails here.
func TestEveryKindHasASIPFault(t *testing.T) {
	for _, k := range lync.Kinds {
		f, ok := sipFaults[k]
		switch {
		case !ok:
			t.Errorf("kind %s: no SIP answer", k)
		case f.status == 0 && f.c3p == "":
			t.Errorf("kind %s: neither a SIP status nor a C3P reason", k)
		case f.status != 0 && (f.phrase == "" || f.c3p != ""):
			t.Errorf("kind %s: status %d needs a reason phrase and no C3P reason: %+v", k, f.status, f)
		}
	}
	if len(sipFaults) != len(lync.Kinds) {
		t.Errorf("the table has %d entries for %d kinds", len(sipFaults), len(lync.Kinds))
	}
}

// TestDocumentedFaults pins the wire forms domain.md Part B documents.
func TestDocumentedFaults(t *testing.T) {
	want := map[lync.Kind]sipFault{
		lync.KindDelegateNotAuthorized: {status: 403, phrase: "Forbidden", diag: 4268,
			reason:    "Delegate operation not allowed as the requester is not a delegate of the organizer.",
			faultcode: "Client.Delegate.Operation.NotAuthorized"},
		lync.KindStaleVersion: {status: 409, phrase: "Conflict", diag: 2141, reason: "Delegate version is out of date",
			faultcode: "Client.BadCall.WrongDelta"},
		lync.KindNoSuchUser: {status: 404, phrase: "Not Found", diag: 3002, reason: "Invalid Target User"},
	}
	for k, w := range want {
		if got := sipFaults[k]; got != w {
			t.Errorf("%s: %+v, want %+v", k, got, w)
		}
	}
}
