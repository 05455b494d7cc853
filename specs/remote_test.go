package specs

import (
	"context"
	"fmt"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/testcontainers/testcontainers-go"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/container"
	"github.com/ucfake/ucfake/harness/desktop"
	"github.com/ucfake/ucfake/harness/remote"
)

// remoteBodies are spec bodies that drive ucfake only through its control
// plane, so that they run unchanged in-process and against the container.
func remoteBodies(client func() *remote.Client) {
	ctx := context.Background()
	setup := func() *remote.Client {
		c := client()
		Expect(c.LoadFixture(ctx, "kb000")).To(Succeed())
		for _, pc := range []string{"PC-MANAGER", "PC-ASSISTANT"} {
			Expect(c.Outlook(ctx, pc, "open")).To(Succeed())
			Expect(c.Lync(ctx, pc, "signin")).To(Succeed())
		}
		return c
	}

	It("establishes the delegation through Outlook and lets the assistant schedule", func() {
		c := setup()
		Expect(c.DelegateAccess(ctx, "PC-MANAGER", []string{"assistant"}, nil)).To(Succeed())
		Expect(c.Advance(ctx, 10*time.Minute)).To(Succeed())
		asst, err := c.Computer(ctx, "PC-ASSISTANT")
		Expect(err).NotTo(HaveOccurred())
		members, shown := asst.Group("People I Manage Calls For")
		Expect(shown).To(BeTrue())
		Expect(members).To(ConsistOf("sip:manager@contoso.com"))
		out, err := c.ScheduleLyncMeeting(ctx, "PC-ASSISTANT", "manager", "Board")
		Expect(err).NotTo(HaveOccurred())
		Expect(out.Kind).To(Equal(api.OutcomeSuccess))
	})

	It("shows the KB's MAPI text and no delegation while MAPI is down", func() {
		c := setup()
		Expect(c.SetMAPI(ctx, "PC-MANAGER", false)).To(Succeed())
		Expect(c.DelegateAccess(ctx, "PC-MANAGER", []string{"assistant"}, nil)).To(Succeed())
		Expect(c.Advance(ctx, 10*time.Minute)).To(Succeed())
		mgr, err := c.Computer(ctx, "PC-MANAGER")
		Expect(err).NotTo(HaveOccurred())
		Expect(mgr.MAPIStatus).To(Equal(mapiUnavailable))
		out, err := c.ScheduleLyncMeeting(ctx, "PC-ASSISTANT", "manager", "Board")
		Expect(err).NotTo(HaveOccurred())
		Expect(out.Text).To(Equal(kb2013Error))
	})

	It("shows the delegate's banner and moves the manager to Dismissed when it is dismissed", func() {
		c := setup()
		Expect(c.DelegateAccess(ctx, "PC-MANAGER", []string{"assistant"}, nil)).To(Succeed())
		Expect(c.Advance(ctx, 10*time.Minute)).To(Succeed())
		asst, err := c.Computer(ctx, "PC-ASSISTANT")
		Expect(err).NotTo(HaveOccurred())
		Expect(asst.Banners).NotTo(BeEmpty())
		Expect(asst.Registry[desktop.OutstandingDelegatorList]).To(ConsistOf("sip:manager@contoso.com"))
		Expect(c.DismissBanner(ctx, "PC-ASSISTANT", "manager")).To(Succeed())
		asst, err = c.Computer(ctx, "PC-ASSISTANT")
		Expect(err).NotTo(HaveOccurred())
		Expect(asst.Banners).To(BeEmpty())
		Expect(asst.Registry[desktop.DismissedDelegatorList]).To(ConsistOf("sip:manager@contoso.com"))
	})

	It("filters the event log by source, actor and sequence", func() {
		c := setup()
		page, err := c.Events(ctx, remote.EventFilter{})
		Expect(err).NotTo(HaveOccurred())
		all := page.Events
		Expect(all).NotTo(BeEmpty())
		Expect(page.Dropped).To(BeZero())
		last := all[len(all)-1].Seq
		Expect(c.DelegateAccess(ctx, "PC-MANAGER", []string{"assistant"}, nil)).To(Succeed())
		exPage, err := c.Events(ctx, remote.EventFilter{Source: "exchange", Since: last})
		Expect(err).NotTo(HaveOccurred())
		ex := exPage.Events
		Expect(ex).NotTo(BeEmpty())
		for _, e := range ex {
			Expect(e.Source).To(Equal("exchange"))
			Expect(e.Seq).To(BeNumerically(">", last))
		}
		none, err := c.Events(ctx, remote.EventFilter{Actor: "nobody@contoso.com"})
		Expect(err).NotTo(HaveOccurred())
		Expect(none.Events).To(BeEmpty())
	})

	It("reports a scripted fault as unconsumed until it is cleared", func() {
		c := setup()
		f, err := c.AddFault(ctx, api.Fault{Op: "GetDelegate", Identity: "assistant@contoso.com", Count: 2, Code: "ErrorServerBusy"})
		Expect(err).NotTo(HaveOccurred())
		Expect(f.ID).To(BeNumerically(">", 0))
		_, err = c.AddFault(ctx, api.Fault{Op: "SERVICE"})
		Expect(remote.StatusOf(err)).To(Equal(400), "a fault without an effect")
		open, err := c.UnconsumedFaults(ctx)
		Expect(err).NotTo(HaveOccurred())
		Expect(open).To(HaveLen(1))
		Expect(open[0].Op).To(Equal("GetDelegate"))
		Expect(c.ClearFaults(ctx)).To(Succeed())
		Expect(c.UnconsumedFaults(ctx)).To(BeEmpty())
	})

	It("answers bad requests with a 4xx and a message", func() {
		c := setup()
		_, err := c.Computer(ctx, "PC-NOBODY")
		Expect(remote.StatusOf(err)).To(Equal(404))
		Expect(err).To(MatchError(ContainSubstring("no computer")))
		Expect(remote.StatusOf(c.Advance(ctx, -time.Minute))).To(Equal(400))
		Expect(remote.StatusOf(c.LoadFixture(ctx, "no-such-organisation"))).To(Equal(400))
		err = c.ForTenant("never-created").Health(ctx)
		Expect(err).NotTo(HaveOccurred(), "health is not per tenant")
		_, err = c.ForTenant("never-created").Now(ctx)
		Expect(remote.StatusOf(err)).To(Equal(404))
		Expect(err).To(MatchError(ContainSubstring("unknown tenant")))
	})

	It("lists the operations it implements", func() {
		caps, err := client().Capabilities(ctx)
		Expect(err).NotTo(HaveOccurred())
		Expect(caps.Has("POST", "/_ucfake/clock/advance")).To(BeTrue())
		Expect(caps.Has("GET", "/_ucfake/faults/unconsumed")).To(BeTrue())
		Expect(caps.Has("PUT", "/_ucfake/state")).To(BeTrue())
	})

	It("keeps tenants apart", func() {
		c := setup()
		other := c.ForTenant("other-job")
		_, err := other.CreateTenant(ctx, api.TenantRequest{Name: "other-job", Fixture: "seed003"})
		Expect(err).NotTo(HaveOccurred())
		_, err = other.Computer(ctx, "PC-MANAGER")
		Expect(remote.StatusOf(err)).To(Equal(404))
		Expect(c.Advance(ctx, time.Hour)).To(Succeed())
		mine, err := c.Now(ctx)
		Expect(err).NotTo(HaveOccurred())
		theirs, err := other.Now(ctx)
		Expect(err).NotTo(HaveOccurred())
		Expect(mine).NotTo(Equal(theirs))
		_, err = c.Computer(ctx, "PC-MANAGER")
		Expect(err).NotTo(HaveOccurred())
	})
}

// serveInProcess starts the control plane in-process on a free port.
func serveInProcess() string {
	s, err := harness.Serve(harness.ServeOptions{Addrs: map[string]string{harness.FaceControl: "127.0.0.1:0"},
		Tenants: harness.TenantsOptions{Default: "kb000"}})
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(s.Close)
	return "http://" + s.Endpoints()[0].Addr
}

var _ = Describe("The control plane, in-process", Label("inprocess"), func() {
	var base string
	BeforeEach(func() { base = serveInProcess() })
	remoteBodies(func() *remote.Client { return &remote.Client{Base: base} })
})

var _ = Describe("The control plane, in-process, on a tenant other than default", Label("inprocess"), func() {
	var c *remote.Client
	BeforeEach(func(ctx SpecContext) {
		c = (&remote.Client{Base: serveInProcess()}).ForTenant("job-42")
		_, err := c.CreateTenant(ctx, api.TenantRequest{Name: "job-42", Fixture: "seed003"})
		Expect(err).NotTo(HaveOccurred())
	})
	remoteBodies(func() *remote.Client { return c })
})

var _ = Describe("The control plane, in the container", Label("container"), Serial, Ordered, func() {
	var c *container.Container
	var tenant *remote.Client
	specs := 0
	BeforeAll(func(ctx SpecContext) {
		container.RequireDocker(GinkgoT())
		var err error
		c, err = container.Run(ctx, "", container.WithVirtualClock())
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(func() { testcontainers.TerminateContainer(c) })
	}, NodeTimeout(2*time.Minute))
	BeforeEach(func(ctx SpecContext) { // one container for the suite, a tenant of its own for each spec
		specs++
		name := fmt.Sprintf("spec-%d", specs)
		_, err := c.Client().CreateTenant(ctx, api.TenantRequest{Name: name, Fixture: "kb000"})
		Expect(err).NotTo(HaveOccurred())
		tenant = c.Client().ForTenant(name)
	})
	remoteBodies(func() *remote.Client { return tenant })
})
