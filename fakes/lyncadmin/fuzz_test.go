package lyncadmin

import (
	"errors"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/fakes/lync"
)

// FuzzSEFAUtil feeds arbitrary command lines to SEFAUtil: none may panic,
// and every error must be the tool's or the back end's typed error.
func FuzzSEFAUtil(f *testing.F) {
	for _, s := range []string{"", "/", "/server:x sip:katarina@contoso.com /delayringdelegates:9", "a@b@c", "sip:", ":::", "/adddelegate:joe",
		"SEFAUtil.exe /server:p kat /adddelegate:joe /removedelegate:joe /fwdtodelegates"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s := newStore(t)
		_, err := s.SEFAUtil(strings.Split(in, " "))
		var ae *Error
		var le *lync.Error
		if err != nil && !errors.As(err, &ae) && !errors.As(err, &le) {
			t.Fatalf("untyped error %T %v", err, err)
		}
	})
}
