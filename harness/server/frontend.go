package server

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/harness"
)

// Frontend serves one world over a wire protocol (EWS, IMAP, SIP, ...).
// The server starts every registered front end on the default tenant's
// world and starts it again, with the new world, whenever the control
// plane replaces that world (reset, fixture load).
type Frontend interface {
	// Name is the protocol's short name, e.g. "ews" or "sip".
	Name() string
	// Start serves w, consulting the scripted faults f, on addr and
	// returns the address it listens on. Called again with a new world, it
	// switches to that world and keeps the address it already has.
	Start(ctx context.Context, w *harness.World, f *faults.Registry, addr string) (bound string, err error)
	// Close stops serving. It is safe to call before Start.
	Close() error
}

// Listen registers a front end on a listen address ("127.0.0.1:0" picks
// a free port).
type Listen struct {
	Frontend Frontend
	Addr     string
}

// Endpoint is a started front end as capabilities reports it.
type Endpoint struct {
	Name string `json:"name"`
	Addr string `json:"addr"`
}

// frontends are the registered front ends and where they listen.
type frontends struct {
	mu    sync.Mutex
	list  []Listen
	bound map[string]string // name -> bound address
}

// start (re)starts every front end on w.
func (fs *frontends) start(w *harness.World, f *faults.Registry) error {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if fs.bound == nil {
		fs.bound = map[string]string{}
	}
	var errs []error
	for _, l := range fs.list {
		addr := l.Addr
		if b, ok := fs.bound[l.Frontend.Name()]; ok {
			addr = b // keep the port the clients know
		}
		b, err := l.Frontend.Start(context.Background(), w, f, addr)
		if err != nil {
			errs = append(errs, fmt.Errorf("front end %s on %s: %w", l.Frontend.Name(), addr, err))
			continue
		}
		fs.bound[l.Frontend.Name()] = b
	}
	return errors.Join(errs...)
}

// endpoints lists the started front ends by name.
func (fs *frontends) endpoints() []Endpoint {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	out := []Endpoint{}
	for n, a := range fs.bound {
		out = append(out, Endpoint{Name: n, Addr: a})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// close closes every front end.
func (fs *frontends) close() error {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	var errs []error
	for _, l := range fs.list {
		errs = append(errs, l.Frontend.Close())
	}
	return errors.Join(errs...)
}
