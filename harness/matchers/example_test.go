package matchers_test

import (
	"fmt"
	"time"

	"github.com/onsi/gomega"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
	"github.com/ucfake/ucfake/harness/matchers"
)

// A failed expectation names the simulation's root cause and its entry in
// the catalogue: here the manager's client policy does not enable
// EnableExchangeDelegateSync.
func ExampleBeScheduled() {
	w, _ := harness.Load("kb000")
	defer w.Close()
	w.Lync().GrantClientPolicy("sip:manager@contoso.com", "") // back to Global: the setting unset
	mgr, asst := w.Computer("PC-MANAGER"), w.Computer("PC-ASSISTANT")
	for _, pc := range []*desktop.Computer{mgr, asst} {
		pc.Outlook().Open()
		pc.Lync().SignIn()
	}
	dlg, _ := mgr.Outlook().DelegateAccess()
	dlg.Add("assistant")
	dlg.OK()
	w.Advance(10 * time.Minute)
	req := asst.Outlook().ScheduleLyncMeeting("manager", desktop.Meeting{Subject: "1:1"})
	g := gomega.NewGomega(func(message string, _ ...int) { fmt.Println(message) })
	g.Expect(req).To(matchers.BeScheduled())
	// Output:
	// Expected the Lync Meeting to be scheduled with join details
	// but saw the add-in outcome error with the message "You do not have permissions to schedule Lync Meetings on behalf of the owner of this account. Please contact the owner of the account to get delegate permissions in Microsoft Lync." (cause: the Lync client on PC-ASSISTANT does not act for sip:manager@contoso.com (not replicated to it, or its rights not confirmed over MAPI))
	// root cause: UCMAPI: delegate sync skipped on PC-MANAGER: EnableExchangeDelegateSync is not set in the client policy read at sign-in (09:00:30 to 09:09:30, 10 times) [catalogue blog003-cause-policy]
}
