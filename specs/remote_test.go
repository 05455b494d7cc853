package specs

import (
	"context"
	"net/http/httptest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/testcontainers/testcontainers-go"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/harness/container"
	"github.com/ucfake/ucfake/harness/desktop"
	"github.com/ucfake/ucfake/harness/remote"
	"github.com/ucfake/ucfake/harness/server"
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
		Expect(out.Kind).To(Equal(desktop.OutcomeSuccess))
	})

	It("shows the KB's MAPI text and no delegation while MAPI is down", func() {
		c := setup()
		Expect(c.SetMAPI(ctx, "", false)).To(Succeed())
		Expect(c.DelegateAccess(ctx, "PC-MANAGER", []string{"assistant"}, nil)).To(Succeed())
		Expect(c.Advance(ctx, 10*time.Minute)).To(Succeed())
		mgr, err := c.Computer(ctx, "PC-MANAGER")
		Expect(err).NotTo(HaveOccurred())
		Expect(mgr.MAPIStatus).To(Equal(mapiUnavailable))
		out, err := c.ScheduleLyncMeeting(ctx, "PC-ASSISTANT", "manager", "Board")
		Expect(err).NotTo(HaveOccurred())
		Expect(out.Text).To(Equal(kb2013Error))
	})

	It("keeps tenants apart", func() {
		c := setup()
		other := &remote.Client{Base: c.Base, HTTP: c.HTTP, Tenant: "other-job"}
		Expect(other.CreateTenant(ctx, "other-job", "seed003")).To(Succeed())
		_, err := other.Computer(ctx, "PC-MANAGER")
		Expect(err).To(MatchError(ContainSubstring("404")))
		_, err = c.Computer(ctx, "PC-MANAGER")
		Expect(err).NotTo(HaveOccurred())
	})
}

var _ = Describe("The control plane, in-process", Label("inprocess"), func() {
	var base string
	BeforeEach(func() {
		s, err := server.New(server.Options{Fixture: "kb000", Clock: func() clock.Clock { return clock.NewVirtual(time.Time{}) }})
		Expect(err).NotTo(HaveOccurred())
		ts := httptest.NewServer(s)
		DeferCleanup(func() { ts.Close(); s.Close() })
		base = ts.URL
	})
	remoteBodies(func() *remote.Client { return &remote.Client{Base: base} })
})

var _ = Describe("The control plane, in the container", Label("container"), Serial, func() {
	var c *container.Container
	BeforeEach(func(ctx SpecContext) {
		container.RequireDocker(GinkgoT())
		var err error
		c, err = container.Run(ctx, "", container.WithVirtualClock())
		Expect(err).NotTo(HaveOccurred())
		DeferCleanup(func() { testcontainers.TerminateContainer(c) })
	}, NodeTimeout(2*time.Minute))
	remoteBodies(func() *remote.Client { return c.Client() })
})
