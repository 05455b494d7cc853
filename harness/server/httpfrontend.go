package server

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/harness"
)

// HTTPFrontend is a Frontend for a wire protocol served by an http.Handler
// (EWS, UCWA, the admin cmdlets). build makes the handler for a world; when
// the world is replaced the listener stays and the handler is swapped. A
// handler with a Close method is closed when it is replaced.
func HTTPFrontend(name string, log *slog.Logger, build func(*harness.World, *faults.Registry) http.Handler) Frontend {
	if log == nil {
		log = slog.Default()
	}
	return &httpFrontend{name: name, log: log, build: build}
}

type httpFrontend struct {
	name  string
	log   *slog.Logger
	build func(*harness.World, *faults.Registry) http.Handler
	mu    sync.RWMutex
	h     http.Handler
	srv   *http.Server
	addr  string
}

func (f *httpFrontend) Name() string { return f.name }

// Start listens on addr the first time and serves w from then on.
func (f *httpFrontend) Start(_ context.Context, w *harness.World, reg *faults.Registry, addr string) (string, error) {
	h := f.build(w, reg)
	f.mu.Lock()
	defer f.mu.Unlock()
	old := f.h
	f.h = h
	closeHandler(old)
	if f.srv != nil {
		return f.addr, nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		f.h = nil
		closeHandler(h)
		return "", err
	}
	f.srv = &http.Server{Handler: http.HandlerFunc(f.serve), ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: slog.NewLogLogger(f.log.Handler(), slog.LevelWarn)}
	f.addr = ln.Addr().String()
	go f.srv.Serve(ln)
	return f.addr, nil
}

func (f *httpFrontend) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.RLock()
	h := f.h
	f.mu.RUnlock()
	if h == nil {
		http.Error(w, f.name+" is not serving a world", http.StatusServiceUnavailable)
		return
	}
	h.ServeHTTP(w, r)
}

// Close stops the listener and closes the current handler.
func (f *httpFrontend) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	closeHandler(f.h)
	f.h = nil
	if f.srv == nil {
		return nil
	}
	return f.srv.Close()
}

func closeHandler(h http.Handler) {
	switch c := h.(type) {
	case interface{ Close() }:
		c.Close()
	case interface{ Close() error }:
		c.Close()
	}
}
