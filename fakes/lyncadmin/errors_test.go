package lyncadmin

import (
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/ucfake/ucfake/fakes/lync"
)

// TestEveryKindHasAStatus keeps the table total: a new back-end kind
// without an HTTP status fails here.
func TestEveryKindHasAStatus(t *testing.T) {
	for _, k := range lync.Kinds {
		if s, ok := statuses[k]; !ok || s < 400 || s > 499 {
			t.Errorf("kind %s: no HTTP status (%d)", k, s)
		}
	}
	if len(statuses) != len(lync.Kinds) {
		t.Errorf("the table has %d entries for %d kinds", len(statuses), len(lync.Kinds))
	}
}

// TestStatusOf converts each family of error by its rule.
func TestStatusOf(t *testing.T) {
	cases := []struct {
		err    error
		status int
		kind   string
	}{
		{fmt.Errorf("%w: -Identity is required", errBadParams), http.StatusBadRequest, "BadParameters"},
		{ErrSEFAUtilUsage.with("switch /x"), http.StatusBadRequest, "SEFAUtilUsage"},
		{ErrSEFAUtilNotDeployed, http.StatusConflict, "SEFAUtilNotDeployed"},
		{lync.ErrNoSuchUser, http.StatusNotFound, "NoSuchUser"},
		{lync.ErrSelfDelegate, http.StatusConflict, "SelfDelegate"},
		{lync.ErrInvalidTelephony, http.StatusBadRequest, "InvalidTelephony"},
		{&lync.Error{Kind: "NoSuchKind"}, http.StatusInternalServerError, "Internal"},
		{errors.New("disk on fire"), http.StatusInternalServerError, "Internal"},
	}
	for _, c := range cases {
		if status, kind := statusOf(c.err); status != c.status || kind != c.kind {
			t.Errorf("statusOf(%v) = %d %s, want %d %s", c.err, status, kind, c.status, c.kind)
		}
	}
}
