package examples

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/onsi/gomega"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/matchers"
)

// addDelegate is the SOAP a vendor's EWS client sends for Outlook's
// Delegate Access: the delegate with Editor on the Calendar.
const addDelegate = `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">
<soap:Header><t:RequestServerVersion Version="Exchange2013_SP1"/></soap:Header>
<soap:Body><m:AddDelegate><m:Mailbox><t:EmailAddress>manager@contoso.com</t:EmailAddress></m:Mailbox>
<m:DelegateUsers><t:DelegateUser><t:UserId><t:PrimarySmtpAddress>assistant@contoso.com</t:PrimarySmtpAddress></t:UserId>
<t:DelegatePermissions><t:CalendarFolderPermissionLevel>Editor</t:CalendarFolderPermissionLevel></t:DelegatePermissions>
<t:ReceiveCopiesOfMeetingMessages>true</t:ReceiveCopiesOfMeetingMessages><t:ViewPrivateItems>false</t:ViewPrivateItems></t:DelegateUser></m:DelegateUsers>
<m:DeliverMeetingRequests>DelegatesAndMe</m:DeliverMeetingRequests></m:AddDelegate></soap:Body></soap:Envelope>`

// TestMyIntegrationSchedulesOnBehalf is a vendor's integration test: the
// manager's EWS client adds the assistant as an Outlook delegate; the
// manager's Lync client syncs it to the back end; the vendor's SIP client,
// signed in as the assistant, creates a conference on the manager's
// behalf, and before the sync it is refused with Lync's 403.
func TestMyIntegrationSchedulesOnBehalf(t *testing.T) {
	g := gomega.NewWithT(t)
	w := harness.RunT(t, "kb000", harness.WithEndpoints())
	mgr := w.Computer("PC-MANAGER")
	mgr.Outlook().Open()
	g.Expect(mgr.Lync().SignIn()).To(gomega.Succeed())

	g.Expect(refusedBeforeTheSync(t, w.Endpoints().SIP)).To(matchers.HaveSIPAnswer(matchers.SIPWant{Status: 403, Diagnostic: 4268,
		Faultcode: "Client.Delegate.Operation.NotAuthorized"}))

	req, _ := http.NewRequest("POST", w.Endpoints().EWS, strings.NewReader(addDelegate))
	req.SetBasicAuth("manager@contoso.com", "Pa$$w0rd")
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	resp, err := http.DefaultClient.Do(req)
	g.Expect(err).NotTo(gomega.HaveOccurred())
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	g.Expect(string(body)).To(gomega.ContainSubstring("<m:ResponseCode>NoError</m:ResponseCode>"))

	g.Expect(w.Advance(10 * time.Minute)).To(gomega.Succeed()) // virtual time: the manager's client syncs
	g.Expect(w).To(matchers.HaveDelegateRecord("sip:manager@contoso.com", "sip:assistant@contoso.com"))
	g.Expect(addConference(t, w.Endpoints().SIP, "VENDOR0002")).To(matchers.HaveSIPAnswer(matchers.SIPWant{Status: 200}))
}

func refusedBeforeTheSync(t *testing.T, addr string) string {
	return addConference(t, addr, "VENDOR0001")
}

// addConference is the vendor's C3P request, sent as the assistant to the
// manager's focus factory, returning the raw SIP answer.
func addConference(t *testing.T, addr, id string) string {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	ff := "sip:manager@contoso.com;gruu;opaque=app:conf:focusfactory"
	body := `<?xml version="1.0"?><request xmlns="urn:ietf:params:xml:ns:cccp" C3PVersion="1" to="` + ff + `" from="sip:manager@contoso.com" requestId="1"><addConference><ci:conference-info xmlns:ci="urn:ietf:params:xml:ns:conference-info" xmlns:msci="http://schemas.microsoft.com/rtc/2005/08/confinfoextensions" entity=""><ci:conference-description><ci:subject>1:1</ci:subject><msci:conference-id>` + id + `</msci:conference-id></ci:conference-description></ci:conference-info></addConference></request>`
	fmt.Fprintf(c, "SERVICE %s SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bK-%s\r\nMax-Forwards: 70\r\nFrom: <sip:assistant@contoso.com>;tag=a1\r\nTo: <%s>\r\nCall-ID: %s\r\nCSeq: 1 SERVICE\r\nContent-Type: application/cccp+xml\r\nContent-Length: %d\r\n\r\n%s",
		ff, id, ff, id, len(body), body)
	return readResponse(t, bufio.NewReader(c))
}

// readResponse reads one SIP response whole.
func readResponse(t *testing.T, r *bufio.Reader) string {
	t.Helper()
	tp := textproto.NewReader(r)
	var head strings.Builder
	n := 0
	for {
		line, err := tp.ReadLine()
		if err != nil {
			t.Fatal(err)
		}
		head.WriteString(line + "\r\n")
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
			n, _ = strconv.Atoi(v)
		}
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		t.Fatal(err)
	}
	return head.String() + string(body)
}
