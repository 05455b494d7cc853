package main

import (
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/ucfake/ucfake/fakes/ews"
	"github.com/ucfake/ucfake/fakes/faults"
	fakeimap "github.com/ucfake/ucfake/fakes/imap"
	"github.com/ucfake/ucfake/fakes/lyncadmin"
	"github.com/ucfake/ucfake/fakes/sip"
	"github.com/ucfake/ucfake/fakes/ucwa"
	"github.com/ucfake/ucfake/harness"
)

// frontends serves the default tenant's world over the wire protocols and
// follows it when the control plane replaces it (reset, fixture load).
type frontends struct {
	log      *slog.Logger
	mu       sync.Mutex
	sipAddr  string
	sip      *sip.Server
	imapAddr string
	imap     *fakeimap.Server
	ews      *swap
	ucwa     *swap
	admin    *swap
	servers  []*http.Server
	bound    map[string]string // protocol -> bound address
	closeOld func()
}

// swap is an http.Handler whose target can be replaced.
type swap struct {
	mu sync.RWMutex
	h  http.Handler
}

func (s *swap) set(h http.Handler) { s.mu.Lock(); s.h = h; s.mu.Unlock() }

func (s *swap) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	h := s.h
	s.mu.RUnlock()
	h.ServeHTTP(w, r)
}

// startFrontends listens on the given addresses ("" or "off" disables one).
func startFrontends(log *slog.Logger, a addrs) (*frontends, error) {
	f := &frontends{log: log, sipAddr: a.sip, imapAddr: a.imap, ews: &swap{h: http.NotFoundHandler()},
		ucwa: &swap{h: http.NotFoundHandler()}, admin: &swap{h: http.NotFoundHandler()}, bound: map[string]string{}}
	for _, l := range []struct {
		name, addr string
		h          http.Handler
	}{{"ews", a.ews, f.ews}, {"ucwa", a.ucwa, f.ucwa}, {"admin", a.admin, f.admin}} {
		if l.addr == "" || l.addr == "off" {
			continue
		}
		ln, err := net.Listen("tcp", l.addr)
		if err != nil {
			f.close()
			return nil, fmt.Errorf("%s: %w", l.name, err)
		}
		hs := &http.Server{Handler: l.h, ReadHeaderTimeout: 10 * time.Second, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
		f.servers = append(f.servers, hs)
		f.bound[l.name] = ln.Addr().String()
		go hs.Serve(ln)
	}
	return f, nil
}

// bind makes every front end serve w.
func (f *frontends) bind(w *harness.World, reg *faults.Registry) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closeOld != nil {
		f.closeOld()
	}
	u := ucwa.New(ucwa.Options{Store: w.Lync(), Clock: w.Clock(), Authenticate: func(user, pass string) (string, bool) {
		x, err := w.Exchange().Authenticate(user, pass)
		return x.SIP, err == nil
	}})
	f.ucwa.set(u)
	f.admin.set(lyncadmin.New(w.Lync()))
	f.ews.set(ews.New(w.Exchange()).WithFaults(reg))
	f.closeOld = u.Close
	if err := f.bindIMAP(w); err != nil {
		return err
	}
	return f.bindSIP(w, reg)
}

func (f *frontends) bindIMAP(w *harness.World) error {
	if f.imapAddr == "" || f.imapAddr == "off" {
		return nil
	}
	addr := f.imapAddr
	if f.imap != nil {
		addr = f.imap.Addr()
		f.imap.Close()
	}
	s := fakeimap.New(w.Exchange())
	if err := s.Start(addr); err != nil {
		return fmt.Errorf("imap: %w", err)
	}
	f.imap, f.bound["imap"] = s, s.Addr()
	return nil
}

// addrs are the front ends' listen addresses ("" or "off" disables one).
type addrs struct{ sip, imap, ews, ucwa, admin string }

func (f *frontends) bindSIP(w *harness.World, reg *faults.Registry) error {
	if f.sipAddr == "" || f.sipAddr == "off" {
		return nil
	}
	addr := f.sipAddr
	if f.sip != nil {
		addr = f.sip.Addr() // keep the port the clients know
		f.sip.Close()
	}
	s := sip.New(sip.Options{Store: w.Lync(), Logger: f.log, Faults: reg, Clock: w.Clock()})
	if err := s.Start(addr); err != nil {
		return fmt.Errorf("sip: %w", err)
	}
	f.sip, f.bound["sip"] = s, s.Addr()
	return nil
}

func (f *frontends) close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, s := range f.servers {
		s.Close()
	}
	if f.sip != nil {
		f.sip.Close()
	}
	if f.imap != nil {
		f.imap.Close()
	}
	if f.closeOld != nil {
		f.closeOld()
	}
}

func (f *frontends) announce(w io.Writer) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, p := range []struct{ name, format string }{
		{"ews", "  EWS            http://%s/EWS/Exchange.asmx  (Basic credentials)\n"},
		{"imap", "  IMAP           %s  (LOGIN; user@contoso.com\\manager@contoso.com with FullAccess)\n"},
		{"sip", "  SIP (TCP)      sip:%s  (SERVICE to the focus factory; REGISTER needs no auth)\n"},
		{"ucwa", "  UCWA           http://%s/ucwa/v1/applications  (Basic credentials)\n"},
		{"admin", "  admin cmdlets  http://%s/admin\n"},
	} {
		if a, ok := f.bound[p.name]; ok {
			fmt.Fprintf(w, p.format, a)
		}
	}
}
