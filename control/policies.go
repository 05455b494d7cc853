package control

import (
	"net/http"
	"time"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fakes/lync"
)

var policyRoutes = []opRoute{
	{"GET /_ucfake/policies/client", listClientPolicies},
	{"POST /_ucfake/policies/client", newClientPolicy},
	{"PUT /_ucfake/policies/client/{identity}", setClientPolicy},
	{"GET /_ucfake/policies/voice", listVoicePolicies},
	{"POST /_ucfake/policies/voice", newVoicePolicy},
	{"PUT /_ucfake/policies/voice/{identity}", setVoicePolicy},
	{"GET /_ucfake/topology", getTopology},
	{"PUT /_ucfake/topology", setTopology},
	{"GET /_ucfake/lync/delegates", listLyncDelegates},
	{"POST /_ucfake/lync/delegates", addLyncDelegate},
	{"DELETE /_ucfake/lync/delegates/{delegator}/{delegate}", removeLyncDelegate},
}

func listClientPolicies(_ *http.Request, w World) (int, any, error) {
	out := []api.ClientPolicy{}
	for _, p := range w.Lync().ClientPolicies() {
		out = append(out, api.ClientPolicy{Identity: p.Identity, EnableExchangeDelegateSync: p.EnableExchangeDelegateSync})
	}
	return http.StatusOK, out, nil
}

func newClientPolicy(r *http.Request, w World) (int, any, error) {
	var req api.ClientPolicy
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	if err := w.Lync().NewClientPolicy(lync.ClientPolicy{Identity: req.Identity, EnableExchangeDelegateSync: req.EnableExchangeDelegateSync}); err != nil {
		return 0, nil, err
	}
	return http.StatusCreated, req, nil
}

func setClientPolicy(r *http.Request, w World) (int, any, error) {
	var req api.ClientPolicySettings
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	id := r.PathValue("identity")
	if err := w.Lync().SetClientPolicy(id, req.EnableExchangeDelegateSync); err != nil {
		return 0, nil, err
	}
	return http.StatusOK, api.ClientPolicy{Identity: id, EnableExchangeDelegateSync: req.EnableExchangeDelegateSync}, nil
}

func listVoicePolicies(_ *http.Request, w World) (int, any, error) {
	out := []api.VoicePolicy{}
	for _, p := range w.Lync().VoicePolicies() {
		out = append(out, api.VoicePolicy{Identity: p.Identity, EnableDelegation: p.EnableDelegation})
	}
	return http.StatusOK, out, nil
}

func newVoicePolicy(r *http.Request, w World) (int, any, error) {
	var req api.NewVoicePolicy
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	p := lync.VoicePolicy{Identity: req.Identity, EnableDelegation: req.EnableDelegation == nil || *req.EnableDelegation}
	if err := w.Lync().NewVoicePolicy(p); err != nil {
		return 0, nil, err
	}
	return http.StatusCreated, api.VoicePolicy{Identity: p.Identity, EnableDelegation: p.EnableDelegation}, nil
}

func setVoicePolicy(r *http.Request, w World) (int, any, error) {
	var req api.VoicePolicySettings
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	if req.EnableDelegation == nil {
		return 0, nil, badRequest(`want {"enableDelegation": true|false}`)
	}
	id := r.PathValue("identity")
	if err := w.Lync().SetVoicePolicy(id, *req.EnableDelegation); err != nil {
		return 0, nil, err
	}
	return http.StatusOK, api.VoicePolicy{Identity: id, EnableDelegation: *req.EnableDelegation}, nil
}

func getTopology(_ *http.Request, w World) (int, any, error) {
	return http.StatusOK, api.Topology{SEFAUtilDeployed: w.Lync().SEFAUtilDeployed()}, nil
}

func setTopology(r *http.Request, w World) (int, any, error) {
	var req api.Topology
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	w.Lync().SetSEFAUtilDeployed(req.SEFAUtilDeployed)
	return getTopology(r, w)
}

func recordView(d lync.DelegateRecord) api.LyncDelegate {
	return api.LyncDelegate{Delegator: d.Delegator, Delegate: d.Delegate, Source: string(d.Source), Created: d.Created.Format(time.RFC3339)}
}

// listLyncDelegates lists the back end's records, of one delegator or
// delegate when the query names them.
func listLyncDelegates(r *http.Request, w World) (int, any, error) {
	q := r.URL.Query()
	out := []api.LyncDelegate{}
	for _, u := range w.Lync().Users() {
		for _, d := range w.Lync().Delegates(u.SIP) {
			if matches(w, q.Get("delegator"), d.Delegator) && matches(w, q.Get("delegate"), d.Delegate) {
				out = append(out, recordView(d))
			}
		}
	}
	return http.StatusOK, out, nil
}

// matches reports whether a query value ("" = any) names the user sip.
func matches(w World, name, sip string) bool {
	if name == "" {
		return true
	}
	u, err := w.Exchange().Lookup(name)
	return err == nil && u.SIP == sip
}

func addLyncDelegate(r *http.Request, w World) (int, any, error) {
	var req api.NewLyncDelegate
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	delegator, err := lookup(w, req.Delegator)
	if err != nil {
		return 0, nil, err
	}
	delegate, err := lookup(w, req.Delegate)
	if err != nil {
		return 0, nil, err
	}
	src := lync.DelegateSource(req.Source)
	switch src {
	case "":
		src = lync.SourceAdmin
	case lync.SourceAdmin, lync.SourceLyncUI, lync.SourceExchangeSync, lync.SourcePublish:
	default:
		return 0, nil, badRequest("source must be admin, lync-ui, exchange-sync or sip-publish, got %q", req.Source)
	}
	if err := w.Lync().AddDelegate(delegator.SIP, delegate.SIP, src); err != nil {
		return 0, nil, err
	}
	for _, d := range w.Lync().Delegates(delegator.SIP) {
		if d.Delegate == delegate.SIP {
			return http.StatusCreated, recordView(d), nil
		}
	}
	return http.StatusCreated, api.LyncDelegate{Delegator: delegator.SIP, Delegate: delegate.SIP, Source: string(src)}, nil
}

func removeLyncDelegate(r *http.Request, w World) (int, any, error) {
	delegator, err := lookup(w, r.PathValue("delegator"))
	if err != nil {
		return 0, nil, err
	}
	delegate, err := lookup(w, r.PathValue("delegate"))
	if err != nil {
		return 0, nil, err
	}
	if err := w.Lync().RemoveDelegate(delegator.SIP, delegate.SIP, lync.SourceAdmin); err != nil {
		return 0, nil, err
	}
	return http.StatusOK, api.Removed{Removed: 1}, nil
}
