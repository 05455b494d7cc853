package control_test

import (
	"fmt"
	"strings"
)

// tour reaches every operation of the control plane on a kb000 server on
// the virtual clock, in an order where each one can succeed.
var tour = []func(c *contract){
	meta, tenants, delegation, doctorAndConsole, meetings, mailboxes, directory, lyncBackEnd, desktops, breaks, faultsAndMAPI, state, refusals,
}

func doctorAndConsole(c *contract) {
	c.ok("POST", "/_ucfake/doctor", `{"noVerify":true}`)
	if st, body := c.do(true, "GET", "/_ucfake/ui/", ""); st != 200 || !strings.Contains(string(body), "<html") {
		c.t.Errorf("the console: %d %.200s", st, body)
	}
}

func meta(c *contract) {
	c.ok("GET", "/_ucfake/health", "")
	c.ok("GET", "/_ucfake/ready", "")
	c.ok("GET", "/_ucfake/capabilities", "")
	c.ok("GET", "/_ucfake/openapi.json", "")
}

func tenants(c *contract) {
	c.ok("POST", "/_ucfake/tenants", `{"name":"job-1","fixture":"seed003","listen":true}`)
	c.ok("GET", "/_ucfake/tenants", "")
	c.ok("GET", "/_ucfake/tenants/job-1", "")
	c.ok("DELETE", "/_ucfake/tenants/job-1", "")
	c.ok("POST", "/_ucfake/fixture", `{"name":"kb000"}`)
	c.ok("POST", "/_ucfake/reset", "")
	c.ok("GET", "/_ucfake/clock", "")
	c.ok("POST", "/_ucfake/clock/advance", `{"duration":"1m"}`)
	c.ok("GET", "/_ucfake/events?since=0&source=harness", "")
}

// delegation is the KB's working state: both clients signed in, the
// assistant added in Outlook, ten minutes, then the add-in.
func delegation(c *contract) {
	for _, pc := range []string{"PC-MANAGER", "PC-ASSISTANT"} {
		c.ok("POST", "/_ucfake/computers/"+pc+"/outlook/open", "")
		c.ok("POST", "/_ucfake/computers/"+pc+"/lync/signin", "")
	}
	c.ok("POST", "/_ucfake/computers/PC-MANAGER/outlook/delegates",
		`{"add":["assistant"],"custom":[{"user":"attendee","permissions":{"calendar":"Reviewer","inbox":"Author"},"receiveCopiesOfMeetingMessages":false}]}`)
	c.ok("POST", "/_ucfake/clock/advance", `{"duration":"10m"}`)
	c.ok("GET", "/_ucfake/computers", "")
	c.ok("GET", "/_ucfake/computers/PC-ASSISTANT", "")
	out := c.ok("POST", "/_ucfake/computers/PC-ASSISTANT/outlook/lync-meeting", `{"owner":"manager","subject":"Board","attendees":["attendee"]}`)
	c.ok("GET", fmt.Sprintf("/_ucfake/addin/%v", out["id"]), "")
	c.ok("POST", "/_ucfake/computers/PC-ASSISTANT/lync/dismiss-banner", `{"delegator":"manager"}`)
}

func meetings(c *contract) {
	it := c.ok("POST", "/_ucfake/computers/PC-ASSISTANT/outlook/meeting", `{"owner":"manager","subject":"1:1","duration":"45m","attendees":["attendee"]}`)
	c.ok("POST", "/_ucfake/computers/PC-ASSISTANT/outlook/lync-details", fmt.Sprintf(`{"owner":"manager","itemId":%q}`, it["id"]))
	c.ok("GET", "/_ucfake/computers/PC-ASSISTANT/outlook/calendar?owner=manager", "")
	c.ok("GET", "/_ucfake/mailboxes/manager/calendar", "")
}

func mailboxes(c *contract) {
	c.ok("GET", "/_ucfake/mailboxes/manager/delegates", "")
	c.ok("GET", "/_ucfake/mailboxes/manager/rights", "")
	c.ok("POST", "/_ucfake/mailboxes/manager/rights", `{"user":"assistant","right":"GrantSendOnBehalfTo"}`)
	c.ok("DELETE", "/_ucfake/mailboxes/manager/rights/assistant/SendOnBehalf", "")
	c.ok("GET", "/_ucfake/mailboxes/manager/folders/calendar/permissions", "")
	c.ok("PUT", "/_ucfake/mailboxes/manager/folders/Sent%20Items/permissions/attendee", `{"rights":["ReadItems","FolderVisible"]}`)
	c.ok("PUT", "/_ucfake/mailboxes/manager/folders/calendar/permissions/Default", `{"role":"LimitedDetails"}`)
	c.ok("DELETE", "/_ucfake/mailboxes/manager/folders/Sent%20Items/permissions/attendee", "")
}

func directory(c *contract) {
	c.ok("GET", "/_ucfake/users", "")
	c.ok("GET", "/_ucfake/users/manager", "")
	c.ok("POST", "/_ucfake/users", `{"alias":"newbie","displayName":"New Bie","telephony":"PC-to-PC only"}`)
	c.ok("PUT", "/_ucfake/users/newbie/telephony", `{"telephony":"Enterprise voice","lineUri":"tel:+14255550199"}`)
	c.ok("GET", "/_ucfake/policies/client", "")
	c.ok("POST", "/_ucfake/policies/client", `{"identity":"Tag:NoSync","enableExchangeDelegateSync":false}`)
	c.ok("PUT", "/_ucfake/policies/client/Tag:NoSync", `{"enableExchangeDelegateSync":true}`)
	c.ok("PUT", "/_ucfake/users/newbie/client-policy", `{"policy":"NoSync"}`)
	c.ok("GET", "/_ucfake/policies/voice", "")
	c.ok("POST", "/_ucfake/policies/voice", `{"identity":"Tag:Delegating"}`)
	c.ok("PUT", "/_ucfake/policies/voice/Tag:Delegating", `{"enableDelegation":true}`)
	c.ok("PUT", "/_ucfake/users/newbie/voice-policy", `{"policy":"Tag:Delegating"}`)
}

func lyncBackEnd(c *contract) {
	c.ok("GET", "/_ucfake/topology", "")
	c.ok("PUT", "/_ucfake/topology", `{"sefaUtilDeployed":true}`)
	c.ok("POST", "/_ucfake/lync/delegates", `{"delegator":"manager","delegate":"attendee","source":"admin"}`)
	c.ok("GET", "/_ucfake/lync/delegates?delegator=manager", "")
	c.ok("DELETE", "/_ucfake/lync/delegates/manager/attendee", "")
}

// desktops covers the other desktop actions on a computer of its own.
func desktops(c *contract) {
	c.ok("POST", "/_ucfake/computers", `{"name":"PC-NEWBIE","user":"newbie","client":"Lync 2013","language":"en-US"}`)
	c.ok("POST", "/_ucfake/computers/PC-NEWBIE/lync/signin", "")
	c.ok("POST", "/_ucfake/computers/PC-NEWBIE/lync/delegates", `{"add":["attendee"]}`)
	c.ok("POST", "/_ucfake/computers/PC-NEWBIE/lync/remove-from-group", `{"group":"Delegates","contact":"attendee"}`)
	c.ok("POST", "/_ucfake/computers/PC-NEWBIE/lync/signout", "")
	c.ok("POST", "/_ucfake/computers/PC-NEWBIE/lync/exit", "")
	c.ok("POST", "/_ucfake/computers/PC-NEWBIE/lync/delete-profile", "")
	c.ok("POST", "/_ucfake/computers/PC-NEWBIE/outlook/close", "")
	c.ok("POST", "/_ucfake/computers/PC-NEWBIE/reboot", "")
}

func breaks(c *contract) {
	for _, b := range []struct{ path, body string }{{"timing-interruption", `{"count":2}`}, {"broken-build", `{"build":"15.0.4420"}`}, {"stuck-sync", ""}, {"mapi", ""}} {
		c.ok("POST", "/_ucfake/computers/PC-MANAGER/breaks/"+b.path, b.body)
		c.ok("DELETE", "/_ucfake/computers/PC-MANAGER/breaks/"+b.path, "")
	}
}

func faultsAndMAPI(c *contract) {
	f := c.ok("POST", "/_ucfake/faults", `{"op":"GetDelegate","identity":"manager@contoso.com","code":"ErrorServerBusy","count":2}`)
	c.ok("GET", "/_ucfake/faults", "")
	c.ok("GET", "/_ucfake/faults/unconsumed", "")
	c.ok("DELETE", fmt.Sprintf("/_ucfake/faults/%v", f["id"]), "")
	c.ok("POST", "/_ucfake/faults", `{"op":"SERVICE","delay":"2s"}`)
	c.ok("DELETE", "/_ucfake/faults", "")
	c.ok("POST", "/_ucfake/mapi", `{"on":false}`)
	c.ok("POST", "/_ucfake/mapi", `{"on":true,"computer":"PC-MANAGER"}`)
}

// state exports, re-imports and checks that passwords stay out unless asked.
func state(c *contract) {
	_, data := c.do(true, "GET", "/_ucfake/state", "")
	if strings.Contains(string(data), `"password"`) {
		c.t.Errorf("GET /_ucfake/state shows passwords")
	}
	_, withPw := c.do(true, "GET", "/_ucfake/state?passwords=true", "")
	if !strings.Contains(string(withPw), `"password":"Pa$$w0rd"`) {
		c.t.Errorf("passwords=true shows no password")
	}
	c.ok("PUT", "/_ucfake/state", compact(data))
}

// refusals checks that error answers follow the document too.
func refusals(c *contract) {
	for _, r := range []struct{ method, path, body string }{
		{"GET", "/_ucfake/computers/PC-NONE", ""},
		{"POST", "/_ucfake/clock/advance", `{"duration":"soon"}`},
		{"POST", "/_ucfake/users", `{"alias":"manager"}`},
		{"PUT", "/_ucfake/users/manager/client-policy", `{"policy":"Nope"}`},
		{"DELETE", "/_ucfake/tenants/default", ""},
		{"PUT", "/_ucfake/state", `{"version":1}`},
	} {
		if st, data := c.do(false, r.method, r.path, r.body); st < 400 {
			c.t.Errorf("%s %s: %d %s, want an error", r.method, r.path, st, data)
		}
	}
}
