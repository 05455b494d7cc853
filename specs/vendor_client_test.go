package specs

import (
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/profile"
	"github.com/ucfake/ucfake/fakes/throttle"
	"github.com/ucfake/ucfake/harness"
	. "github.com/ucfake/ucfake/harness/matchers"
	"github.com/ucfake/ucfake/internal/wirekit"
)

// vendorClient is an EWS client as a vendor writes one: it retries
// ErrorServerBusy after sleeping, and its sleep is what the spec says it
// is (the world's clock advanced, as a test's fake sleeper would).
type vendorClient struct {
	url, user string
	sleep     func(time.Duration)
	// patience is how long it sleeps before a retry: nil honours
	// BackOffMilliseconds, otherwise it returns its own guess.
	patience func(told time.Duration) time.Duration
}

var backOffMs = regexp.MustCompile(`<t:Value Name="BackOffMilliseconds">(\d+)</t:Value>`)

// call posts one operation, retrying up to three times while the server is
// busy, and returns the last answer.
func (c vendorClient) call(op string) (int, string) {
	var status int
	var body string
	for attempt := 0; attempt < 3; attempt++ {
		status, body = c.post(op)
		m := backOffMs.FindStringSubmatch(body)
		if !strings.Contains(body, "ErrorServerBusy") || m == nil {
			return status, body
		}
		ms, _ := strconv.Atoi(m[1])
		wait := time.Duration(ms) * time.Millisecond
		if c.patience != nil {
			wait = c.patience(wait)
		}
		c.sleep(wait)
	}
	return status, body
}

func (c vendorClient) post(op string) (int, string) {
	doc := `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><soap:Header><t:RequestServerVersion Version="Exchange2010_SP2"/></soap:Header><soap:Body>` + op + `</soap:Body></soap:Envelope>`
	req, _ := http.NewRequest("POST", c.url, strings.NewReader(doc))
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	req.SetBasicAuth(c.user, password)
	resp, err := http.DefaultClient.Do(req)
	Expect(err).NotTo(HaveOccurred())
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func getDelegateOf(mailbox string) string {
	return fmt.Sprintf(`<m:GetDelegate IncludePermissions="true"><m:Mailbox><t:EmailAddress>%s</t:EmailAddress></m:Mailbox></m:GetDelegate>`, mailbox)
}

// throttledWorld is kb000 on its own ports with a budget of two requests
// for the manager's EWS calls, recharging one request a second.
func throttledWorld() *harness.World {
	w := harness.RunT(GinkgoT(), "kb000", harness.WithEndpoints())
	Expect(w.SetThrottling(throttle.Policy{Default: map[string]throttle.Budget{throttle.FaceEWS: {
		MaxBurst: 2 * time.Second, RechargeRate: time.Hour, Cost: time.Second}}})).To(Succeed())
	return w
}

var _ = Describe("What a vendor verifies about their own client", Label("wire", "vendor"), func() {
	advance := func(w *harness.World) func(time.Duration) {
		return func(d time.Duration) { Expect(w.Advance(d)).To(Succeed()) }
	}

	Context("when Exchange throttles a client that retries before BackOffMilliseconds has passed", func() {
		It("refuses the retry again, and the journal says how early it came", func() {
			w := throttledWorld()
			impatient := vendorClient{url: w.Endpoints().EWS, user: "manager@contoso.com", sleep: advance(w),
				patience: func(time.Duration) time.Duration { return 200 * time.Millisecond }}
			for i := 0; i < 2; i++ {
				impatient.call(getDelegateOf("manager@contoso.com"))
			}
			status, body := impatient.call(getDelegateOf("manager@contoso.com"))
			Expect(status).To(Equal(500))
			Expect(body).To(ContainSubstring("a:ErrorServerBusy"))
			Expect(w).To(HaveReceived("GetDelegate").On("ews").From("manager").RetriedEarly())
			var notes []string
			for _, e := range w.Journal().All() {
				if e.Throttle != nil && e.Throttle.Early {
					notes = append(notes, e.Throttle.Note)
				}
			}
			Expect(notes).To(Equal([]string{"retried after 200 ms; back-off was 1000 ms", "retried after 400 ms; back-off was 1000 ms"}))
		})
	})

	Context("when the client honours BackOffMilliseconds", func() {
		It("is answered once the back-off has passed, with no early retry in the journal", func() {
			w := throttledWorld()
			patient := vendorClient{url: w.Endpoints().EWS, user: "manager@contoso.com", sleep: advance(w)}
			for i := 0; i < 3; i++ {
				status, body := patient.call(getDelegateOf("manager@contoso.com"))
				Expect(status).To(Equal(200), body)
			}
			Expect(w).To(HaveReceived("GetDelegate").On("ews").From("manager").RefusedWith("ErrorServerBusy"))
			Expect(w).NotTo(HaveReceived("GetDelegate").RetriedEarly())
		})
	})

	Context("when a fault is scripted to answer ErrorServerBusy with a back-off", func() {
		It("holds the client to that back-off too", func() {
			w := harness.RunT(GinkgoT(), "kb000", harness.WithEndpoints())
			_, err := w.Faults().Add(faultServerBusy("GetFolder", 5*time.Second))
			Expect(err).NotTo(HaveOccurred())
			impatient := vendorClient{url: w.Endpoints().EWS, user: "assistant@contoso.com", sleep: advance(w),
				patience: func(time.Duration) time.Duration { return 2 * time.Second }}
			impatient.call(`<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>`)
			Expect(w).To(HaveReceived("GetFolder").From("assistant").In("assistant", "inbox").RetriedEarly())
		})
	})

	Context("when a tenant emulates a chosen Exchange version", func() {
		DescribeTable("every answer carries that version's ServerVersionInfo",
			func(v profile.Exchange, header string) {
				w := harness.RunT(GinkgoT(), "kb000", harness.WithEndpoints())
				Expect(w.SetProfile(profile.Profile{Exchange: v})).To(Succeed())
				_, body := vendorClient{url: w.Endpoints().EWS, user: "manager@contoso.com"}.post(getDelegateOf("manager@contoso.com"))
				Expect(body).To(ContainSubstring(header))
			},
			Entry("Exchange 2010 SP2", profile.Exchange2010SP2, `MajorVersion="14" MinorVersion="2" MajorBuildNumber="247" MinorBuildNumber="5" Version="Exchange2010_SP2"`),
			Entry("Exchange 2013 SP1", profile.Exchange2013SP1, `MajorVersion="15" MinorVersion="0" MajorBuildNumber="847" MinorBuildNumber="32" Version="V2_8"`),
			Entry("Exchange 2016", profile.Exchange2016, `MajorVersion="15" MinorVersion="1" MajorBuildNumber="2507" MinorBuildNumber="6" Version="V2017_07_11"`),
		)
	})

	Context("when the assistant's clients work for the manager", func() {
		It("journals what they sent: a CreateItem in the manager's calendar and a SIP addConference on the manager's behalf", func() {
			w := harness.RunT(GinkgoT(), "kb000", harness.WithEndpoints())
			ews := &wirekit.EWS{URL: w.Endpoints().EWS, User: "assistant@contoso.com", Pass: password}
			ews.Call(createMeetingFor("manager@contoso.com"))
			sip, err := wirekit.DialSIP(w.Endpoints().SIP)
			Expect(err).NotTo(HaveOccurred())
			DeferCleanup(sip.Close)
			sip.Request("SERVICE", "sip:manager@contoso.com;gruu;opaque=app:conf:focusfactory", "sip:attendee@contoso.com", "application/cccp+xml",
				`<?xml version="1.0"?><request xmlns="urn:ietf:params:xml:ns:cccp" C3PVersion="1" to="sip:manager@contoso.com;gruu;opaque=app:conf:focusfactory" from="sip:manager@contoso.com" requestId="1"><addConference><ci:conference-info xmlns:ci="urn:ietf:params:xml:ns:conference-info" entity=""><ci:conference-description><ci:subject>1:1</ci:subject></ci:conference-description></ci:conference-info></addConference></request>`)
			Expect(w).To(HaveReceived("CreateItem").In("manager", "calendar").From("assistant"))
			Expect(w).To(HaveReceived("addConference").On("sip").OnBehalfOf("manager").From("attendee").RefusedWith("4268"))
			Expect(w).NotTo(HaveReceived("CreateItem").In("manager", "inbox"))
		})
	})
})

func faultServerBusy(op string, backOff time.Duration) faults.Fault {
	return faults.Fault{Op: op, Code: "ErrorServerBusy", BackOff: backOff}
}
