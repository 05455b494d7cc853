package control

import (
	"fmt"
	"log/slog"
	"net/http"
)

// recoverer turns a panic in h into a 500 with a JSON message (the last
// resort: handlers answer 4xx for bad requests themselves). A panic with
// http.ErrAbortHandler is re-raised, as net/http expects.
func recoverer(log *slog.Logger, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			log.Error("control plane panic", "method", r.Method, "path", r.URL.Path, "panic", v)
			writeError(w, http.StatusInternalServerError, "Internal", fmt.Errorf("internal error while handling %s %s: %v", r.Method, r.URL.Path, v))
		}()
		h.ServeHTTP(w, r)
	})
}
