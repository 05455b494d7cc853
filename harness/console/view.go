package console

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fakes/events"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
	"github.com/ucfake/ucfake/harness/doctor"
)

// page is what the template shows of one tenant.
type page struct {
	Tenant    string
	Tenants   []harness.TenantInfo
	Base      string // the control plane's JSON base for this tenant
	UIBase    string // this console's base for this tenant
	Now       string
	Virtual   bool
	Users     []userRow
	Graph     template.HTML
	Computers []computerView
	AddIns    []addInRow
	Events    []eventRow
	Filter    eventFilter
	Doctor    api.DoctorReport
}

type userRow struct {
	Name, SIP, SMTP, Telephony, Clients string
	ClientPolicy, Sync                  string
	VoicePolicy, Delegation             string
	Enabled                             bool
}

type computerView struct {
	Name, User, UserName, Kind, Language string
	SignedIn, Running                    bool
	Outlook, OutlookOpen                 bool
	MAPIStatus                           string
	MAPIOK                               bool
	MAPICut                              bool
	Groups                               []desktop.Group
	Banners                              []desktop.Banner
	Registry                             [][2]string
	Others                               []string // users the computer's user may act for or delegate to
}

type addInRow struct {
	ID               int
	Kind, Text, Why  string
	Subject, Created string
}

type eventRow struct {
	Seq                     uint64
	At, Source, Actor, What string
	Why                     string
}

type eventFilter struct {
	Source, Actor string
	Limit         int
}

// newPage reads a world into a page.
func newPage(ts *harness.Tenants, name string, w *harness.World, f eventFilter) page {
	p := page{Tenant: w.Name(), Tenants: ts.List(), Now: w.Now().UTC().Format(time.RFC3339), Virtual: w.Virtual(), Filter: f,
		Graph: template.HTML(w.Graph().SVG()), Doctor: doctor.Diagnose(w, doctor.Options{})}
	if p.Tenant == "" {
		p.Tenant = name
	}
	p.Base, p.UIBase = "/_ucfake/", "/_ucfake/ui/"
	if p.Tenant != "default" {
		p.Base, p.UIBase = "/_ucfake/t/"+p.Tenant+"/", "/_ucfake/t/"+p.Tenant+"/ui/"
	}
	p.Users = users(w)
	p.Computers = computers(w)
	p.AddIns = addIns(w)
	p.Events = eventRows(w.Log(), f)
	return p
}

func users(w *harness.World) []userRow {
	var out []userRow
	for _, u := range w.Lync().Users() {
		r := userRow{Name: u.DisplayName, SIP: u.SIP, Telephony: string(u.Telephony), Enabled: u.Enabled}
		if x, err := w.Exchange().Lookup(u.SIP); err == nil {
			r.SMTP = x.SMTP
		}
		if cp, err := w.Lync().EffectiveClientPolicy(u.SIP); err == nil {
			r.ClientPolicy, r.Sync = cp.Identity, "not set"
			if cp.EnableExchangeDelegateSync != nil {
				r.Sync = fmt.Sprint(*cp.EnableExchangeDelegateSync)
			}
		}
		if vp, err := w.Lync().EffectiveVoicePolicy(u.SIP); err == nil {
			r.VoicePolicy, r.Delegation = vp.Identity, fmt.Sprint(vp.EnableDelegation)
		}
		var kinds []string
		for _, pc := range w.ComputersOf(u.SIP) {
			kinds = append(kinds, pc.Name()+": "+string(pc.Lync().Kind()))
		}
		r.Clients = strings.Join(kinds, ", ")
		out = append(out, r)
	}
	return out
}

func computers(w *harness.World) []computerView {
	var out []computerView
	for _, pc := range w.Computers() {
		lc := pc.Lync()
		c := computerView{Name: pc.Name(), User: pc.User().SMTP, UserName: pc.User().DisplayName, Kind: string(lc.Kind()), Language: string(lc.Language()),
			SignedIn: lc.SignedIn(), Running: lc.Running(), Outlook: pc.Outlook() != nil, MAPIStatus: lc.MAPIStatus(), Groups: lc.Groups(), Banners: lc.Banners(),
			MAPICut: w.Faults().Live(desktop.OpMAPI, pc.Name())}
		c.MAPIOK = c.MAPIStatus != desktop.MAPIStatusUnavailable
		if pc.Outlook() != nil {
			c.OutlookOpen = pc.Outlook().IsOpen()
		}
		for _, name := range []string{desktop.LastDelegatorList, desktop.OutstandingDelegatorList, desktop.DismissedDelegatorList} {
			c.Registry = append(c.Registry, [2]string{name, strings.Join(pc.RegistryValue(name), "; ")})
		}
		for _, u := range w.Lync().Users() {
			if u.SIP != pc.User().SIP {
				c.Others = append(c.Others, u.SIP)
			}
		}
		out = append(out, c)
	}
	return out
}

func addIns(w *harness.World) []addInRow {
	var out []addInRow
	st := w.Env().Export()
	for i := len(st.AddIns) - 1; i >= 0 && len(out) < 20; i-- {
		a := st.AddIns[i]
		r := addInRow{ID: a.ID, Kind: string(a.Outcome.Kind), Text: a.Outcome.Text, Why: a.Outcome.Why}
		if a.Outcome.Item != nil {
			r.Subject = a.Outcome.Item.Subject + " in " + a.Outcome.Item.Mailbox + "'s calendar"
		}
		out = append(out, r)
	}
	return out
}

func eventRows(log *events.Log, f eventFilter) []eventRow {
	all := log.Events(func(e events.Event) bool {
		return (f.Source == "" || e.Source == f.Source) && (f.Actor == "" || strings.Contains(strings.ToLower(e.Actor), strings.ToLower(f.Actor)))
	})
	if len(all) > f.Limit {
		all = all[len(all)-f.Limit:]
	}
	out := make([]eventRow, 0, len(all))
	for i := len(all) - 1; i >= 0; i-- {
		e := all[i]
		out = append(out, eventRow{Seq: e.Seq, At: e.At.UTC().Format("2006-01-02 15:04:05"), Source: e.Source, Actor: e.Actor, What: e.What, Why: e.Why})
	}
	return out
}
