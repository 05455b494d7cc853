package tenant

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadAllReadsTheWholeBodyWhateverItsHint reads bodies shorter and
// longer than their hint, and passes a reader's error on.
func TestReadAllReadsTheWholeBodyWhateverItsHint(t *testing.T) {
	long := strings.Repeat("x", 3000)
	for _, c := range []struct {
		body string
		hint int64
	}{{"", 0}, {"short", 100}, {long, 10}, {long, 0}, {long, 3000}} {
		got, err := readAll(strings.NewReader(c.body), c.hint)
		if err != nil || string(got) != c.body {
			t.Errorf("readAll(%d bytes, hint %d) = %d bytes, %v", len(c.body), c.hint, len(got), err)
		}
	}
	broken := errors.New("connection reset")
	if _, err := readAll(io.MultiReader(strings.NewReader("part"), iotest.ErrReader(broken)), 10); !errors.Is(err, broken) {
		t.Errorf("readAll of a failing body: %v, want %v", err, broken)
	}
}
