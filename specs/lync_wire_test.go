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
// sends an on-behalf addConference as requester for organizer.
func sipService(w *harness.World) func(requester, organizer string) string {
	srv := sip.New(sip.Options{Store: w.Lync()})
	Expect(srv.Start("127.0.0.1:0")).To(Succeed())
	DeferCleanup(srv.Close)
	c, err := net.Dial("tcp", srv.Addr())
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(c.Close)
	r := bufio.NewReader(c)
	n := 0
	return func(requester, organizer string) string {
		n++
		ff := organizer + ";gruu;opaque=app:conf:focusfactory"
		body := `<request xmlns="urn:ietf:params:xml:ns:cccp" C3PVersion="1" to="` + ff + `" from="` + organizer + `" requestId="1"><addConference><ci:conference-info xmlns:ci="urn:ietf:params:xml:ns:conference-info" entity=""><ci:conference-description><ci:subject>Board</ci:subject></ci:conference-description></ci:conference-info></addConference></request>`
		msg := fmt.Sprintf("SERVICE %s SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK-spec%d\r\nFrom: <%s>;tag=%d\r\nTo: <%s>\r\nCall-ID: spec-%d\r\nCSeq: 1 SERVICE\r\nContent-Type: application/cccp+xml\r\nContent-Length: %d\r\n\r\n%s",
			ff, n, requester, n, ff, n, len(body), body)
		c.SetDeadline(time.Now().Add(5 * time.Second))
		_, err := c.Write([]byte(msg))
		Expect(err).NotTo(HaveOccurred())
		return readSIP(r)
	}
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

// delegatorsGroup starts the UCWA front end over w and returns a function
// reading the user's delegatorsGroup contacts.
func delegatorsGroup(w *harness.World, user string) func() string {
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
	app := get("POST", "/ucwa/v1/applications")["id"].(string)
	return func() string {
		b, _ := json.Marshal(get("GET", "/ucwa/v1/applications/"+app+"/people/groups/delegatorsGroup/contacts"))
		return string(b)
	}
}

var _ = Describe("Lync on the wire: SIP conferencing on behalf and UCWA groups", KB000, Label("wire"), func() {
	Context("when the KB's Issue 1 left no delegate record in the back end", func() {
		It("refuses the delegate's on-behalf addConference with 403 and ms-diagnostics 4268, and accepts it after the resolution", func() {
			w, _, _ := kb000()
			service := sipService(w)
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

	Context("when the manager removed the delegate in Outlook only", func() {
		It("keeps the manager in the delegate's delegatorsGroup until the manager removes the delegate in Lync", func() {
			w, mgr, _ := kb000()
			Expect(scenario.OutlookDelegateRemoved(w, kbPair)).To(Succeed())
			group := delegatorsGroup(w, "assistant")
			Expect(group()).To(ContainSubstring("sip:manager@contoso.com"))
			Expect(mgr.Lync().RemoveFromGroup("Delegates", "assistant")).To(Succeed())
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			Expect(group()).NotTo(ContainSubstring("sip:manager@contoso.com"))
		})
	})
})
