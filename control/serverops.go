package control

import (
	"fmt"
	"net/http"
	"sort"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fakes/ews"
	"github.com/ucfake/ucfake/fakes/journal"
	"github.com/ucfake/ucfake/fakes/profile"
	"github.com/ucfake/ucfake/fakes/throttle"
)

// journalRoute is the journal's read, which is not journaled itself.
const journalRoute = "GET /_ucfake/journal"

var serverRoutes = []opRoute{
	{journalRoute, getJournal},
	{"DELETE /_ucfake/journal", clearJournal},
	{"GET /_ucfake/budgets", getBudgets},
	{"PUT /_ucfake/budgets", putBudgets},
	{"GET /_ucfake/versions", getVersions},
	{"PUT /_ucfake/versions", putVersions},
}

// getJournal answers the journal's entries that match face, op, identity
// and since (a sequence number, or an RFC 3339 time on the world's clock).
func getJournal(r *http.Request, w World) (int, any, error) {
	q := r.URL.Query()
	seq, at, err := parseSince(q.Get("since"))
	if err != nil {
		return 0, nil, badRequest("since must be a journal sequence number or an RFC 3339 time, got %q", q.Get("since"))
	}
	j := w.Journal()
	entries, dropped := j.Entries(journal.Filter{Face: q.Get("face"), Op: q.Get("op"), Identity: q.Get("identity"), Since: seq, After: at})
	out := api.Journal{Entries: make([]api.JournalEntry, 0, len(entries)), Dropped: dropped, Limit: j.Limit()}
	for _, e := range entries {
		out.Entries = append(out.Entries, journalView(e))
	}
	return http.StatusOK, out, nil
}

func clearJournal(_ *http.Request, w World) (int, any, error) {
	return http.StatusOK, api.Removed{Removed: w.Journal().Clear()}, nil
}

func journalView(e journal.Entry) api.JournalEntry {
	v := api.JournalEntry{Seq: e.Seq, At: e.At, Wall: e.Wall, Face: e.Face, Op: e.Op, Identity: e.Identity, Fields: e.Fields.Map(),
		Status: e.Status, Code: e.Code, Duration: e.Duration.String()}
	if f := e.Fault; f != nil {
		v.Fault = &api.JournalFault{ID: f.ID, Code: f.Code, Drop: f.Drop}
	}
	if t := e.Throttle; t != nil {
		v.Throttle = &api.JournalThrottle{Reason: t.Reason, BackOffMs: t.BackOff.Milliseconds(), Early: t.Early,
			WaitedMs: t.Waited.Milliseconds(), ToldMs: t.Told.Milliseconds(), Note: t.Note}
	}
	return v
}

func getVersions(_ *http.Request, w World) (int, any, error) {
	return http.StatusOK, versionsView(w.Profile()), nil
}

// putVersions sets the versions given ("" or absent keeps one).
func putVersions(r *http.Request, w World) (int, any, error) {
	var req api.Versions
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	if req.ServerVersionInfo != nil {
		return 0, nil, badRequest("serverVersionInfo follows from the Exchange version; send exchange and lync only")
	}
	if err := w.SetProfile(profile.Profile{Exchange: profile.Exchange(req.Exchange), Lync: profile.Lync(req.Lync)}); err != nil {
		return 0, nil, badRequest("%v", err)
	}
	return http.StatusOK, versionsView(w.Profile()), nil
}

func versionsView(p profile.Profile) api.Versions {
	sv := ews.ServerVersionOf(p.Exchange)
	return api.Versions{Exchange: string(p.Exchange), Lync: string(p.Lync), ServerVersionInfo: &api.ServerVersionInfo{
		MajorVersion: sv.MajorVersion, MinorVersion: sv.MinorVersion, MajorBuildNumber: sv.MajorBuildNumber,
		MinorBuildNumber: sv.MinorBuildNumber, Version: sv.Version}}
}

func getBudgets(_ *http.Request, w World) (int, any, error) {
	return http.StatusOK, budgetsView(w, w.Throttle().Policy()), nil
}

// putBudgets replaces the tenant's throttling; {} turns it off.
func putBudgets(r *http.Request, w World) (int, any, error) {
	var req api.Budgets
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	def, err := faceBudgets(req.EWS, req.SIP, req.UCWA)
	if err != nil {
		return 0, nil, badRequest("%v", err)
	}
	p := throttle.Policy{Default: def}
	for _, ub := range req.Users {
		u, err := w.Exchange().Lookup(ub.User)
		if err != nil {
			return 0, nil, notFound("no user %q for a budget: %v", ub.User, err)
		}
		own, err := faceBudgets(ub.EWS, ub.SIP, ub.UCWA)
		if err != nil {
			return 0, nil, badRequest("%s: %v", ub.User, err)
		}
		if p.Users == nil {
			p.Users = map[string]map[string]throttle.Budget{}
		}
		p.Users[throttle.Key(u.SIP)] = own
	}
	if err := w.SetThrottling(p); err != nil {
		return 0, nil, badRequest("%v", err)
	}
	return http.StatusOK, budgetsView(w, w.Throttle().Policy()), nil
}

// faceBudgets maps the budgets given by face, in milliseconds.
func faceBudgets(ews, sip, ucwa *api.Budget) (map[string]throttle.Budget, error) {
	out := map[string]throttle.Budget{}
	for _, fb := range []struct {
		face string
		b    *api.Budget
	}{{throttle.FaceEWS, ews}, {throttle.FaceSIP, sip}, {throttle.FaceUCWA, ucwa}} {
		if fb.b == nil {
			continue
		}
		b, err := throttle.FromMillis(throttle.Millis{MaxConcurrency: fb.b.MaxConcurrency, MaxBurst: fb.b.MaxBurst,
			RechargeRate: fb.b.RechargeRate, CutoffBalance: fb.b.CutoffBalance, Cost: fb.b.Cost})
		if err != nil {
			return nil, fmt.Errorf("%s: %v", fb.face, err)
		}
		out[fb.face] = b
	}
	return out, nil
}

// budgetsView writes a policy back in the API's terms, users by address.
func budgetsView(w World, p throttle.Policy) api.Budgets {
	out := api.Budgets{EWS: budgetView(p.Default, throttle.FaceEWS), SIP: budgetView(p.Default, throttle.FaceSIP),
		UCWA: budgetView(p.Default, throttle.FaceUCWA), Users: []api.UserBudgets{}}
	for key, faces := range p.Users {
		user := key
		if u, err := w.Exchange().Lookup(key); err == nil {
			user = u.SMTP
		}
		out.Users = append(out.Users, api.UserBudgets{User: user, EWS: budgetView(faces, throttle.FaceEWS),
			SIP: budgetView(faces, throttle.FaceSIP), UCWA: budgetView(faces, throttle.FaceUCWA)})
	}
	sortUsers(out.Users)
	return out
}

func budgetView(faces map[string]throttle.Budget, face string) *api.Budget {
	b, ok := faces[face]
	if !ok {
		return nil
	}
	return &api.Budget{MaxConcurrency: b.MaxConcurrency, MaxBurst: b.MaxBurst.Milliseconds(), RechargeRate: b.RechargeRate.Milliseconds(),
		CutoffBalance: b.CutoffBalance.Milliseconds(), Cost: b.Cost.Milliseconds()}
}

func sortUsers(us []api.UserBudgets) {
	sort.Slice(us, func(i, j int) bool { return us[i].User < us[j].User })
}
