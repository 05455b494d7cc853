package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"

	"github.com/ucfake/ucfake/fakes/ews"
	"github.com/ucfake/ucfake/fakes/faults"
	fakeimap "github.com/ucfake/ucfake/fakes/imap"
	"github.com/ucfake/ucfake/fakes/lyncadmin"
	"github.com/ucfake/ucfake/fakes/sip"
	"github.com/ucfake/ucfake/fakes/ucwa"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/server"
)

// frontends registers every wire front end whose address is not "off".
// A new front end is one more line here (and a flag in parse).
func frontends(c config, log *slog.Logger) []server.Listen {
	all := []server.Listen{
		{Frontend: server.HTTPFrontend("ews", log, func(w *harness.World, f *faults.Registry) http.Handler {
			return ews.New(w.Exchange()).WithFaults(f)
		}), Addr: c.ewsAddr},
		{Frontend: &restartable{name: "imap", start: startIMAP}, Addr: c.imapAddr},
		{Frontend: &restartable{name: "sip", start: func(w *harness.World, f *faults.Registry, addr string) (closerAddr, error) {
			return startSIP(log, w, f, addr)
		}}, Addr: c.sipAddr},
		{Frontend: server.HTTPFrontend("ucwa", log, newUCWA), Addr: c.ucwaAddr},
		{Frontend: server.HTTPFrontend("admin", log, func(w *harness.World, f *faults.Registry) http.Handler {
			return lyncadmin.New(w.Lync()).WithFaults(f)
		}), Addr: c.adminAddr},
	}
	var out []server.Listen
	for _, l := range all {
		if l.Addr != "" && l.Addr != "off" {
			out = append(out, l)
		}
	}
	return out
}

// newUCWA serves the UCWA-style REST API with the world's users' passwords;
// it consults the faults for every resource.
func newUCWA(w *harness.World, f *faults.Registry) http.Handler {
	return ucwa.New(ucwa.Options{Store: w.Lync(), Clock: w.Clock(), Faults: f, Authenticate: func(user, pass string) (string, bool) {
		x, err := w.Exchange().Authenticate(user, pass)
		return x.SIP, err == nil
	}})
}

// closerAddr is a started listener: IMAP and SIP servers.
type closerAddr interface {
	io.Closer
	Addr() string
}

// restartable is a Frontend for a server bound to one world: a new world
// closes it and starts another on the same address.
type restartable struct {
	name  string
	start func(*harness.World, *faults.Registry, string) (closerAddr, error)
	mu    sync.Mutex
	cur   closerAddr
}

func (r *restartable) Name() string { return r.name }

func (r *restartable) Start(_ context.Context, w *harness.World, f *faults.Registry, addr string) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cur != nil {
		addr = r.cur.Addr()
		r.cur.Close()
		r.cur = nil
	}
	s, err := r.start(w, f, addr)
	if err != nil {
		return "", err
	}
	r.cur = s
	return s.Addr(), nil
}

func (r *restartable) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cur == nil {
		return nil
	}
	return r.cur.Close()
}

// startIMAP serves the world's mailboxes over IMAP.
// TODO(imap): no scripted-fault hook yet.
func startIMAP(w *harness.World, _ *faults.Registry, addr string) (closerAddr, error) {
	s := fakeimap.New(w.Exchange())
	if err := s.Start(addr); err != nil {
		return nil, fmt.Errorf("imap: %w", err)
	}
	return s, nil
}

// startSIP serves SIP over TCP; it consults the faults for SERVICE.
func startSIP(log *slog.Logger, w *harness.World, f *faults.Registry, addr string) (closerAddr, error) {
	s := sip.New(sip.Options{Store: w.Lync(), Logger: log, Faults: f, Clock: w.Clock()})
	if err := s.Start(addr); err != nil {
		return nil, fmt.Errorf("sip: %w", err)
	}
	return s, nil
}

// endpointFormats say how to print each front end's address when ready.
var endpointFormats = map[string]string{
	"ews":   "  EWS            http://%s/EWS/Exchange.asmx  (Basic credentials)\n",
	"imap":  "  IMAP           %s  (LOGIN; user@contoso.com\\manager@contoso.com with FullAccess)\n",
	"sip":   "  SIP (TCP)      sip:%s  (SERVICE to the focus factory; REGISTER needs no auth)\n",
	"ucwa":  "  UCWA           http://%s/ucwa/v1/applications  (Basic credentials)\n",
	"admin": "  admin cmdlets  http://%s/admin\n",
}

// announceEndpoints prints every started front end.
func announceEndpoints(w io.Writer, eps []server.Endpoint) {
	for _, e := range eps {
		format, ok := endpointFormats[e.Name]
		if !ok {
			format = "  " + e.Name + "  %s\n"
		}
		fmt.Fprintf(w, format, e.Addr)
	}
}
