package control

import (
	"io"
	"net/http"
	"strconv"
)

// MaxState is the largest snapshot PUT /_ucfake/state reads (64 MiB); a
// larger one is answered 413.
const MaxState = 64 << 20

// getState exports the world's state; passwords only with ?passwords=true.
func getState(r *http.Request, w World) (int, any, error) {
	withPasswords := false
	if v := r.URL.Query().Get("passwords"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return 0, nil, badRequest("passwords must be true or false, got %q", v)
		}
		withPasswords = b
	}
	return http.StatusOK, w.State(withPasswords), nil
}

// putState replaces the world's contents by a snapshot GET /_ucfake/state
// returned (of this tenant or another).
func putState(r *http.Request, w World) (int, any, error) {
	body, err := io.ReadAll(r.Body) // read whole, within MaxState, by readBodies
	if err != nil {
		return 0, nil, badRequest("reading the body: %v", err)
	}
	if len(body) == 0 {
		return 0, nil, badRequest("send a snapshot as GET /_ucfake/state returns it")
	}
	if err := w.ImportState(body); err != nil {
		return 0, nil, badRequest("%v", err)
	}
	return http.StatusOK, w.State(false), nil
}
