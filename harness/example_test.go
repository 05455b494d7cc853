package harness_test

import (
	"fmt"
	"time"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
)

// A world from an embedded organisation: the manager delegates in Outlook,
// virtual time passes, and the assistant's Lync client shows the manager.
func Example() {
	w, err := harness.Load("kb000")
	if err != nil {
		panic(err)
	}
	defer w.Close()
	mgr, asst := w.Computer("PC-MANAGER"), w.Computer("PC-ASSISTANT")
	for _, pc := range []*desktop.Computer{mgr, asst} {
		pc.Outlook().Open()
		pc.Lync().SignIn()
	}
	dlg, _ := mgr.Outlook().DelegateAccess()
	dlg.Add("assistant")
	dlg.OK()
	w.Advance(10 * time.Minute)
	g, _ := asst.Lync().Group("People I Manage Calls For")
	fmt.Println(g.Members)
	req := asst.Outlook().ScheduleLyncMeeting("manager", desktop.Meeting{Subject: "1:1"})
	fmt.Println(req.Outcome().Kind)
	// Output:
	// [sip:manager@contoso.com]
	// success
}

// Every wire face of a world on free loopback ports.
func ExampleWithEndpoints() {
	w, err := harness.Load("kb000", harness.WithEndpoints())
	if err != nil {
		panic(err)
	}
	defer w.Close()
	eps := w.Endpoints()
	fmt.Println(eps.EWS != "", eps.IMAP != "", eps.SIP != "", eps.UCWA != "", eps.Admin != "", eps.Control != "")
	// Output: true true true true true true
}
