package tenant

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/journal"
	"github.com/ucfake/ucfake/fakes/wirelog"
)

// Handler is a face's work for one HTTP request on a tenant's world.
type Handler func(w http.ResponseWriter, r *http.Request, world World)

// Serve returns the http.Handler of the HTTP face named face (ews, ucwa,
// admin): it finds each request's tenant (FromRequest; the /t/<tenant>
// prefix is removed from r.URL.Path), resolves its world, runs h, commits
// the world's changes, records the request in the world's journal (what
// the request's wirelog.Note says, with the answer's status) and only
// then sends h's answer, so that an acknowledged change is durable and a
// client that has its answer finds its request journaled. A bad tenant
// name is a 400, an unknown tenant a 404, a failed commit a 500 saying the
// change was applied but not saved; each with a text message. A panic with
// http.ErrAbortHandler (a scripted drop) still aborts the connection, and
// is journaled as "dropped".
func Serve(face string, resolve Resolver, h Handler) http.Handler {
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
		var rec journaling
		if j := world.Journal(); j != nil {
			r, rec = journaled(r, face, world, j)
			defer func() {
				if v := recover(); v != nil {
					rec.record(nil) // a scripted drop: nothing is answered
					panic(v)
				}
			}()
		}
		h(buf, r, world)
		if err := world.Commit(); err != nil {
			buf.reset()
			http.Error(buf, fmt.Sprintf("the change was applied but could not be saved: %v", err), http.StatusInternalServerError)
		}
		rec.record(buf)
		buf.sendTo(w)
	})
}

// journaling records one request in a journal (the zero value records
// nothing).
type journaling struct {
	j     *journal.Journal
	n     *wirelog.Note
	world World
	face  string
	watch clock.Watch
}

// journaled gives r a Note (wirelog.Ensure) and returns what records it.
func journaled(r *http.Request, face string, world World, j *journal.Journal) (*http.Request, journaling) {
	r, n := wirelog.Ensure(r)
	return r, journaling{j: j, n: n, world: world, face: face, watch: clock.Start()}
}

// record records the request with the answer's status ("dropped" for no
// answer) and, for a JSON error the face did not note a code for, its
// subcode, kind or code (UCWA's and the admin cmdlets' error bodies).
func (rec journaling) record(b *buffered) {
	if rec.j == nil {
		return
	}
	status := "dropped"
	if b != nil {
		status = statusText(b.code())
		if b.code() >= 400 {
			rec.n.SetCode(jsonCode(b))
		}
	}
	rec.j.Record(rec.n.Entry(rec.face, status, rec.world.Clock().Now(), rec.watch.Elapsed()))
}

// statusText is a status as the journal writes it.
func statusText(code int) string {
	switch code {
	case http.StatusOK:
		return "200"
	case http.StatusCreated:
		return "201"
	case http.StatusInternalServerError:
		return "500"
	}
	return strconv.Itoa(code)
}

// jsonCode is the most specific code of a JSON error body: its subcode,
// else its kind, else its code; "" for any other body.
func jsonCode(b *buffered) string {
	if !strings.HasPrefix(b.header.Get("Content-Type"), "application/json") {
		return ""
	}
	var e struct{ Code, Subcode, Kind string }
	if json.Unmarshal(b.body.Bytes(), &e) != nil {
		return ""
	}
	for _, c := range []string{e.Subcode, e.Kind, e.Code} {
		if c != "" {
			return c
		}
	}
	return ""
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

func (b *buffered) WriteString(s string) (int, error) {
	b.WriteHeader(http.StatusOK)
	return b.body.WriteString(s)
}

// Grow makes room for n more bytes of answer.
func (b *buffered) Grow(n int) { b.body.Grow(n) }

func (b *buffered) code() int {
	if b.status == 0 {
		return http.StatusOK
	}
	return b.status
}

// reset forgets the answer written so far.
func (b *buffered) reset() {
	b.header, b.status = http.Header{}, 0
	b.body.Reset()
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
