package specs

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ucfake/ucfake/fakes/sip"
	"github.com/ucfake/ucfake/fakes/ucwa"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/scenario"
)

// sipService starts the SIP front end over w and returns a function that
// sends one SERVICE (Request-URI = To = uri) from requester and returns the
// response text.
func sipService(w *harness.World) func(uri, requester, ctype, body string) string {
	srv := sip.New(sip.Options{Store: w.Lync()})
	Expect(srv.Start("127.0.0.1:0")).To(Succeed())
	DeferCleanup(srv.Close)
	c, err := net.Dial("tcp", srv.Addr())
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(c.Close)
	r := bufio.NewReader(c)
	n := 0
	return func(uri, requester, ctype, body string) string {
		n++
		msg := fmt.Sprintf("SERVICE %s SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK-spec%d\r\nFrom: <%s>;tag=%d\r\nTo: <%s>\r\nCall-ID: spec-%d\r\nCSeq: 1 SERVICE\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s",
			uri, n, requester, n, uri, n, ctype, len(body), body)
		c.SetDeadline(time.Now().Add(5 * time.Second))
		_, err := c.Write([]byte(msg))
		Expect(err).NotTo(HaveOccurred())
		return readSIP(r)
	}
}

// sipAddConference returns a function sending, through service, a C3P
// addConference for organizer as requester.
func sipAddConference(service func(uri, requester, ctype, body string) string) func(requester, organizer string) string {
	return func(requester, organizer string) string {
		ff := organizer + ";gruu;opaque=app:conf:focusfactory"
		body := `<request xmlns="urn:ietf:params:xml:ns:cccp" C3PVersion="1" to="` + ff + `" from="` + organizer + `" requestId="1"><addConference><ci:conference-info xmlns:ci="urn:ietf:params:xml:ns:conference-info" entity=""><ci:conference-description><ci:subject>Board</ci:subject></ci:conference-description></ci:conference-info></addConference></request>`
		return service(ff, requester, "application/cccp+xml", body)
	}
}

// routingPublication is a category publication of the routing category
// whose delegates list holds delegates, at the given version.
func routingPublication(self string, version int, delegates ...string) string {
	var targets string
	for _, d := range delegates {
		targets += `<target uri="` + d + `"/>`
	}
	return fmt.Sprintf(`<publish xmlns="http://schemas.microsoft.com/2006/09/sip/rich-presence"><publications uri="%s"><publication categoryName="routing" instance="0" container="0" version="%d" expireType="static"><routing xmlns="http://schemas.microsoft.com/02/2006/sip/routing" name="rtcdefault" version="1"><preamble><flags name="clientflags" value="delegate_ring"/><list name="delegates">%s</list></preamble></routing></publication></publications></publish>`, self, version, targets)
}

// readSIP reads one response (headers and Content-Length body).
func readSIP(r *bufio.Reader) string {
	var b strings.Builder
	length := 0
	for {
		line, err := r.ReadString('\n')
		Expect(err).NotTo(HaveOccurred())
		b.WriteString(line)
		if k, v, ok := strings.Cut(line, ":"); ok && strings.EqualFold(strings.TrimSpace(k), "Content-Length") {
			fmt.Sscan(strings.TrimSpace(v), &length)
		}
		if line == "\r\n" {
			break
		}
	}
	body := make([]byte, length)
	_, err := io.ReadFull(r, body)
	Expect(err).NotTo(HaveOccurred())
	return b.String() + string(body)
}

// ucwaSession is a UCWA application of one user on the world's back end.
type ucwaSession struct {
	get func(method, path string) map[string]any
	app string
}

// ucwaSignIn starts the UCWA front end over w and creates an application
// for user (Basic credentials checked against the fake Exchange).
func ucwaSignIn(w *harness.World, user string) *ucwaSession {
	h := ucwa.New(ucwa.Options{Store: w.Lync(), Clock: w.Clock(), Authenticate: func(u, p string) (string, bool) {
		x, err := w.Exchange().Authenticate(u, p)
		return x.SIP, err == nil
	}})
	ts := httptest.NewServer(h)
	DeferCleanup(func() { ts.Close(); h.Close() })
	get := func(method, path string) map[string]any {
		req, _ := http.NewRequest(method, ts.URL+path, nil)
		req.SetBasicAuth(user, "Pa$$w0rd")
		resp, err := http.DefaultClient.Do(req)
		Expect(err).NotTo(HaveOccurred())
		defer resp.Body.Close()
		var out map[string]any
		Expect(json.NewDecoder(resp.Body).Decode(&out)).To(Succeed())
		return out
	}
	app := get("POST", "/ucwa/v1/applications")
	Expect(app).To(HaveKey("id"))
	return &ucwaSession{get: get, app: "/ucwa/v1/applications/" + app["id"].(string)}
}

// delegators returns the user's delegatorsGroup contacts as JSON.
func (s *ucwaSession) delegators() string {
	b, _ := json.Marshal(s.get("GET", s.app+"/people/groups/delegatorsGroup/contacts"))
	return string(b)
}

// events returns, as JSON, the events after ack without waiting.
func (s *ucwaSession) events(ack int) string {
	b, _ := json.Marshal(s.get("GET", fmt.Sprintf("%s/events?ack=%d&timeout=0", s.app, ack)))
	return string(b)
}

var _ = Describe("Lync on the wire: SIP conferencing on behalf and UCWA groups", KB000, Label("wire"), func() {
	Context("when the KB's Issue 1 left no delegate record in the back end", func() {
		It("refuses the delegate's on-behalf addConference with 403 and ms-diagnostics 4268, and accepts it after the resolution", func() {
			w, _, _ := kb000()
			service := sipAddConference(sipService(w))
			Expect(scenario.TimingIssue(w, kbPair)).To(Succeed())
			refused := service("sip:assistant@contoso.com", "sip:manager@contoso.com")
			Expect(refused).To(HavePrefix("SIP/2.0 403 Forbidden"))
			Expect(refused).To(ContainSubstring("ms-diagnostics: 4268;"))
			Expect(refused).To(ContainSubstring("<Faultcode>Client.Delegate.Operation.NotAuthorized</Faultcode>"))

			Expect(scenario.ResolveTimingIssue(w, kbPair)).To(Succeed())
			ok := service("sip:assistant@contoso.com", "sip:manager@contoso.com")
			Expect(ok).To(HavePrefix("SIP/2.0 200 OK"))
			Expect(ok).To(ContainSubstring(`code="success"`))
			Expect(ok).To(ContainSubstring("sip:manager@contoso.com;gruu;opaque=app:conf:focus:id:"))
			Expect(w.Lync().Conferences("sip:manager@contoso.com")).To(HaveLen(1))
		})
	})

	Context("when the manager's client publishes the routing category with a delegates list", func() {
		It("lets the delegate schedule on the manager's behalf and shows the manager in the delegate's delegatorsGroup; a stale version gets 409", func() {
			w, _, _ := kb000()
			const mgr, asst = "sip:manager@contoso.com", "sip:assistant@contoso.com"
			service := sipService(w)
			addConference := sipAddConference(service)
			Expect(addConference(asst, mgr)).To(HavePrefix("SIP/2.0 403 Forbidden"))

			v := w.Lync().DelegateVersion(mgr)
			Expect(service(mgr, mgr, "application/msrtc-category-publish+xml", routingPublication(mgr, v, asst))).To(HavePrefix("SIP/2.0 200 OK"))
			Expect(addConference(asst, mgr)).To(And(HavePrefix("SIP/2.0 200 OK"), ContainSubstring(`code="success"`)))
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			Expect(ucwaSignIn(w, "assistant").delegators()).To(ContainSubstring(mgr))

			stale := service(mgr, mgr, "application/msrtc-category-publish+xml", routingPublication(mgr, v))
			Expect(stale).To(HavePrefix("SIP/2.0 409 Conflict"))
			Expect(stale).To(ContainSubstring("ms-diagnostics: 2141;"))
			Expect(stale).To(ContainSubstring("<Faultcode>Client.BadCall.WrongDelta</Faultcode>"))
			Expect(w.Lync().IsDelegate(mgr, asst)).To(BeTrue(), "the stale publication changed nothing")
		})
	})

	Context("when the manager removed the delegate in Outlook only", func() {
		It("keeps the manager in the delegate's delegatorsGroup until the manager removes the delegate in Lync and signs back in", func() {
			w, mgr, _ := kb000()
			Expect(scenario.OutlookDelegateRemoved(w, kbPair)).To(Succeed())
			Expect(w.Exchange().Delegates("manager@contoso.com", "manager@contoso.com")).To(BeEmpty(), "Outlook no longer lists the delegate")
			asst := ucwaSignIn(w, "assistant")
			Expect(asst.delegators()).To(ContainSubstring("sip:manager@contoso.com"))
			Expect(w.Advance(time.Hour)).To(Succeed())
			Expect(asst.delegators()).To(ContainSubstring("sip:manager@contoso.com"), "the one-time record does not expire")
			Expect(asst.events(0)).To(ContainSubstring(`"events":[]`))

			Expect(mgr.Lync().RemoveFromGroup("Delegates", "assistant")).To(Succeed())
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			Expect(asst.delegators()).To(ContainSubstring("sip:manager@contoso.com"), "the removal waits for the manager's next sign-in")
			mgr.Lync().Exit()
			Expect(mgr.Lync().SignIn()).To(Succeed())
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			Expect(asst.delegators()).NotTo(ContainSubstring("sip:manager@contoso.com"))
			Expect(asst.events(0)).To(And(ContainSubstring(`"type":"deleted"`), ContainSubstring(`"rel":"delegatorsGroup"`)),
				"the delegate's event channel tells them they were removed")
		})
	})
})
