package tenant

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/ucfake/ucfake/fakes/wirelog"
)

// Handler is a face's work for one HTTP request on a tenant's world.
type Handler func(w http.ResponseWriter, r *http.Request, world World)

// Serve returns the http.Handler of an HTTP face: it finds each request's
// tenant (FromRequest; the /t/<tenant> prefix is removed from r.URL.Path),
// resolves its world, runs h, commits the world's changes and only then
// sends h's answer, so that an acknowledged change is durable. A bad
// tenant name is a 400, an unknown tenant a 404, a failed commit a 500
// saying the change was applied but not saved; each with a text message.
// A panic with http.ErrAbortHandler (a scripted drop) still aborts the
// connection.
func Serve(resolve Resolver, h Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, path, err := FromRequest(r)
		if err != nil {
			http.Error(w, "invalid tenant: "+err.Error(), http.StatusBadRequest)
			return
		}
		wirelog.Tenant(r.Context(), name)
		world, err := resolve(name)
		if err != nil {
			status := http.StatusInternalServerError
			if errors.Is(err, ErrUnknown) {
				status = http.StatusNotFound
			}
			http.Error(w, err.Error(), status)
			return
		}
		if path != r.URL.Path {
			r = r.Clone(context.WithValue(r.Context(), prefixKey{}, PathPrefix+name))
			r.URL.Path, r.URL.RawPath = path, ""
		}
		buf := &buffered{header: http.Header{}}
		h(buf, r, world)
		if err := world.Commit(); err != nil {
			http.Error(w, fmt.Sprintf("the change was applied but could not be saved: %v", err), http.StatusInternalServerError)
			return
		}
		buf.sendTo(w)
	})
}

type prefixKey struct{}

// Prefix returns the /t/<tenant> prefix Serve removed from r's path, or ""
// when the request named its tenant otherwise: faces put it back into the
// links and URLs they answer with, so that a client following them stays
// on its tenant.
func Prefix(r *http.Request) string {
	p, _ := r.Context().Value(prefixKey{}).(string)
	return p
}

// buffered holds a face's answer until the commit.
type buffered struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *buffered) Header() http.Header { return b.header }

func (b *buffered) WriteHeader(status int) {
	if b.status == 0 {
		b.status = status
	}
}

func (b *buffered) Write(p []byte) (int, error) {
	b.WriteHeader(http.StatusOK)
	return b.body.Write(p)
}

func (b *buffered) sendTo(w http.ResponseWriter) {
	for k, v := range b.header {
		w.Header()[k] = v
	}
	if b.status == 0 {
		b.status = http.StatusOK
	}
	w.WriteHeader(b.status)
	w.Write(b.body.Bytes())
}
