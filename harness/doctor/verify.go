package doctor

import (
	"fmt"
	"time"

	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/harness/diagnose"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
	"github.com/ucfake/ucfake/harness/scenario"
)

// VerifyStep is how often Verify looks for the working state, and
// VerifyLimit how long after the last replayed step it keeps looking (the
// KB's "within 10 minutes", three times over).
const (
	VerifyStep  = 30 * time.Second
	VerifyLimit = 30 * time.Minute
)

// Clone returns a new world on a virtual clock holding w's state now. The
// doctor replays resolutions on clones; w is never changed. A world's
// export delivers the replications still in flight at once (as landed);
// so that the copy's signed-in clients see them, as they would have when
// the replications landed, they sign in again in the copy (reading their
// policies anew). docs/fidelity.md records the choice.
func Clone(w *harness.World) (*harness.World, error) {
	pending := w.Lync().PendingReplications() > 0
	s := w.Export()
	s.Endpoints = nil
	c := harness.New(s.Domain, harness.WithTiming(w.Env().Timing()))
	if err := c.Import(s); err != nil {
		c.Close()
		return nil, fmt.Errorf("doctor: copying the world: %w", err)
	}
	if pending {
		for _, pc := range c.Computers() {
			if pc.Lync().SignedIn() {
				pc.Lync().SignOut()
				if err := pc.Lync().SignIn(); err != nil {
					c.Close()
					return nil, fmt.Errorf("doctor: copying the world: %w", err)
				}
			}
		}
	}
	return c, nil
}

// Verify replays the plan (resolution keys, in order) on a copy of w and
// looks for the working state every VerifyStep until VerifyLimit after the
// last step.
func Verify(w *harness.World, f *diagnose.Facts, p scenario.Pair, plan []string) *api.DoctorVerification {
	return verifyUntil(w, f, p, plan, Working)
}

// VerifyEnded replays the plan like Verify but looks for the delegation
// cleanly ended instead (Ended): the alternative of a removed delegate.
func VerifyEnded(w *harness.World, f *diagnose.Facts, p scenario.Pair, plan []string) *api.DoctorVerification {
	return verifyUntil(w, f, p, plan, func(w *harness.World, _, _ string, p scenario.Pair) []string { return Ended(w, f, p) })
}

// goal is the state a replay looks for: what is still wrong (nil: reached).
type goal func(w *harness.World, manager, delegate string, p scenario.Pair) []string

func verifyUntil(w *harness.World, f *diagnose.Facts, p scenario.Pair, plan []string, reached goal) *api.DoctorVerification {
	v := &api.DoctorVerification{Plan: []string{}, Remaining: []string{}}
	clone, err := Clone(w)
	if err != nil {
		v.Remaining = append(v.Remaining, err.Error())
		return v
	}
	defer clone.Close()
	start := clone.Now()
	for _, key := range plan {
		r := Resolutions[key]
		if r.Replay == nil {
			continue
		}
		v.Plan = append(v.Plan, r.Name)
		if err := r.Replay(clone, p, f); err != nil {
			v.Replayed, v.Remaining = true, append(v.Remaining, fmt.Sprintf("%s could not be replayed: %v", r.Name, err))
			return v
		}
	}
	v.Replayed = len(v.Plan) > 0
	if !v.Replayed {
		v.Remaining = append(v.Remaining, "not replayed: the resolution needs a choice only the administrator can make")
		return v
	}
	deadline := clone.Now().Add(VerifyLimit)
	for {
		rem := reached(clone, f.Manager.SMTP, f.Delegate.SMTP, p)
		if len(rem) == 0 {
			d := clone.Now().Sub(start)
			v.Reached, v.After, v.Seconds = true, d.String(), d.Seconds()
			return v
		}
		if !clone.Now().Before(deadline) {
			v.Remaining = rem
			return v
		}
		if err := clone.Advance(VerifyStep); err != nil {
			v.Remaining = append(rem, err.Error())
			return v
		}
	}
}

// Working checks the working state of a pair in w, as the sources describe
// it: the back-end record and both replicated views, the manager's
// Delegates group listing the delegate and the delegate's People I Manage
// Calls For listing the manager on the pair's signed-in computers, the
// delegate's banner shown (or dismissed), and — tried on a copy of w so
// that w is not changed — the delegate's Lync Meeting add-in scheduling a
// meeting for the manager. It returns what is wrong (nil when working).
func Working(w *harness.World, manager, delegate string, p scenario.Pair) []string {
	a, err := diagnose.Analyse(w, manager, delegate)
	if err != nil {
		return []string{err.Error()}
	}
	var out []string
	for _, n := range a.Nodes {
		if !n.OK && n.ID != "tasks" && (n.Computer == "" || n.Computer == p.Manager || n.Computer == p.Delegate) {
			out = append(out, nodeText(n))
		}
	}
	if len(out) > 0 {
		return out
	}
	probe, err := Clone(w)
	if err != nil {
		return []string{err.Error()}
	}
	defer probe.Close()
	del := probe.Computer(p.Delegate)
	if del == nil {
		return []string{fmt.Sprintf("no computer %q", p.Delegate)}
	}
	if del.Outlook() != nil {
		del.Outlook().Open()
	}
	if o := schedule(probe, del, a.Facts.Manager.SMTP); o.Kind != desktop.OutcomeSuccess {
		out = append(out, fmt.Sprintf("the add-in on %s does not schedule for %s: %s", del.Name(), a.Facts.Manager.Name, outcomeText(o)))
	}
	return out
}

func nodeText(n api.DoctorNode) string {
	s := n.Label
	if n.Computer != "" {
		s += " on " + n.Computer
	}
	return s + ": " + n.Detail
}

func bannerOrDismissed(pc *desktop.Computer, manager string) bool {
	for _, b := range pc.Lync().Banners() {
		if !b.Removed && directory.SameSIP(b.Delegator, manager) {
			return true
		}
	}
	return directory.ContainsSIP(pc.RegistryValue(desktop.DismissedDelegatorList), manager)
}

// schedule uses the delegate's add-in for the manager and waits out its
// timeout when it does not answer at once.
func schedule(w *harness.World, del *desktop.Computer, owner string) desktop.Outcome {
	if del.Outlook() == nil {
		return desktop.Outcome{Kind: desktop.OutcomeUnavailable, Text: "Outlook is not installed on " + del.Name()}
	}
	r := del.Outlook().ScheduleLyncMeeting(owner, desktop.Meeting{Subject: "ucfake doctor check"})
	if r.Outcome().Kind == desktop.OutcomePending {
		_ = w.Advance(w.Env().Timing().AddInTimeout + time.Second)
	}
	return r.Outcome()
}

func outcomeText(o desktop.Outcome) string {
	s := string(o.Kind)
	if o.Text != "" {
		s += ": " + o.Text
	}
	if o.Why != "" && o.Why != o.Text {
		s += " (" + o.Why + ")"
	}
	return s
}

// Ended checks that a delegation is gone without remnants (blog 003): no
// back-end record, the manager's Delegates group without the delegate, and
// on the delegate's computers no People I Manage Calls For listing the
// manager, no "added" banner and no registry value naming the manager.
func Ended(w *harness.World, f *diagnose.Facts, p scenario.Pair) []string {
	var out []string
	if w.Lync().IsDelegate(f.Manager.SIP, f.Delegate.SIP) {
		out = append(out, "the back end still holds the record")
	}
	if mgr := w.Computer(p.Manager); mgr != nil && diagnose.GroupShows(mgr.Lync(), true, f.Delegate.SIP) {
		out = append(out, mgr.Name()+"'s Delegates group still lists "+f.Delegate.Name)
	}
	for _, pc := range w.ComputersOf(f.Delegate.SMTP) {
		if diagnose.GroupShows(pc.Lync(), false, f.Manager.SIP) {
			out = append(out, pc.Name()+"'s People I Manage Calls For still lists "+f.Manager.Name)
		}
		for _, b := range pc.Lync().Banners() {
			if !b.Removed && directory.SameSIP(b.Delegator, f.Manager.SIP) {
				out = append(out, pc.Name()+" still shows \""+b.Text+"\"")
			}
		}
		for _, name := range []string{desktop.LastDelegatorList, desktop.OutstandingDelegatorList} {
			if directory.ContainsSIP(pc.RegistryValue(name), f.Manager.SIP) {
				out = append(out, pc.Name()+"'s "+name+" still names "+f.Manager.SIP)
			}
		}
	}
	return out
}
