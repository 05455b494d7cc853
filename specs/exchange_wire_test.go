package specs

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/ucfake/ucfake/fakes/ews"
	fakeimap "github.com/ucfake/ucfake/fakes/imap"
	"github.com/ucfake/ucfake/harness"
)

const password = "Pa$$w0rd"

// ewsCall starts EWS over w and returns a function posting one operation
// as user.
func ewsCall(w *harness.World) func(user, op string) string {
	ts := httptest.NewServer(ews.New(w.Exchange()))
	DeferCleanup(ts.Close)
	return func(user, op string) string {
		body := `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><soap:Body>` + op + `</soap:Body></soap:Envelope>`
		req, _ := http.NewRequest("POST", ts.URL+ews.Path, strings.NewReader(body))
		req.Header.Set("Content-Type", "text/xml; charset=utf-8")
		req.SetBasicAuth(user, password)
		resp, err := http.DefaultClient.Do(req)
		Expect(err).NotTo(HaveOccurred())
		defer resp.Body.Close()
		out, _ := io.ReadAll(resp.Body)
		return string(out)
	}
}

func createMeetingFor(owner string) string {
	return fmt.Sprintf(`<m:CreateItem SendMeetingInvitations="SendToAllAndSaveCopy"><m:SavedItemFolderId><t:DistinguishedFolderId Id="calendar"><t:Mailbox><t:EmailAddress>%s</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId></m:SavedItemFolderId><m:Items><t:CalendarItem><t:Subject>Quarterly review</t:Subject><t:Start>2014-07-08T10:00:00Z</t:Start><t:End>2014-07-08T11:00:00Z</t:End><t:RequiredAttendees><t:Attendee><t:Mailbox><t:EmailAddress>attendee@contoso.com</t:EmailAddress></t:Mailbox></t:Attendee></t:RequiredAttendees></t:CalendarItem></m:Items></m:CreateItem>`, owner)
}

// imapLogin starts IMAP over w and logs in; it returns the client or the
// login error.
func imapLogin(w *harness.World, login string) (*imapclient.Client, error) {
	srv := fakeimap.New(w.Exchange())
	Expect(srv.Start("127.0.0.1:0")).To(Succeed())
	DeferCleanup(srv.Close)
	c, err := imapclient.DialInsecure(srv.Addr(), nil)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(c.Close)
	return c, c.Login(login, password).Wait()
}

var _ = Describe("Exchange on the wire: EWS and IMAP", Label("wire"), func() {
	Context("when the delegate holds Editor on the manager's Calendar", func() {
		It("creates a meeting through EWS that attendees read through IMAP as sent on behalf", func() {
			w, mgr, _ := kb000()
			mgr.Outlook().Open()
			dlg, _ := mgr.Outlook().DelegateAccess()
			Expect(dlg.Add("assistant")).To(Succeed())
			Expect(dlg.OK()).To(Succeed())
			call := ewsCall(w)
			Expect(call("assistant@contoso.com", createMeetingFor("manager@contoso.com"))).To(ContainSubstring(`<m:CreateItemResponseMessage ResponseClass="Success">`))

			c, err := imapLogin(w, "attendee@contoso.com")
			Expect(err).NotTo(HaveOccurred())
			_, err = c.Select("INBOX", nil).Wait()
			Expect(err).NotTo(HaveOccurred())
			msgs, err := c.Fetch(imap.SeqSetNum(1), &imap.FetchOptions{Envelope: true}).Collect()
			Expect(err).NotTo(HaveOccurred())
			Expect(msgs).To(HaveLen(1))
			Expect(msgs[0].Envelope.From[0].Addr()).To(Equal("manager@contoso.com"))
			Expect(msgs[0].Envelope.Sender[0].Addr()).To(Equal("assistant@contoso.com"))
		})
	})

	Context("when the manager has removed the delegate", func() {
		It("refuses the same CreateItem with ErrorFolderNotFound", func() {
			w, mgr, _ := kb000()
			mgr.Outlook().Open()
			dlg, _ := mgr.Outlook().DelegateAccess()
			Expect(dlg.Add("assistant")).To(Succeed())
			Expect(dlg.OK()).To(Succeed())
			dlg, _ = mgr.Outlook().DelegateAccess()
			Expect(dlg.Remove("assistant")).To(Succeed())
			Expect(dlg.OK()).To(Succeed())
			out := ewsCall(w)("assistant@contoso.com", createMeetingFor("manager@contoso.com"))
			Expect(out).To(ContainSubstring("<m:ResponseCode>ErrorFolderNotFound</m:ResponseCode>"))
		})
	})

	Context("when someone opens the manager's mailbox over IMAP", func() {
		It("lets a FullAccess holder in and keeps a plain delegate out", func() {
			w, mgr, _ := kb000()
			mgr.Outlook().Open()
			dlg, _ := mgr.Outlook().DelegateAccess()
			Expect(dlg.Add("assistant")).To(Succeed())
			Expect(dlg.OK()).To(Succeed())
			_, err := imapLogin(w, `assistant@contoso.com\manager@contoso.com`)
			Expect(err).To(HaveOccurred())
			_, err = imapLogin(w, `CONTOSO\assistant\manager`)
			Expect(err).To(HaveOccurred())
			Expect(w.Exchange().GrantMailboxRight("manager", "assistant", "FullAccess")).To(Succeed())
			for _, login := range []string{`assistant@contoso.com\manager@contoso.com`, `CONTOSO\assistant\manager`} {
				c, err := imapLogin(w, login)
				Expect(err).NotTo(HaveOccurred(), login)
				Expect(c.Select("INBOX", nil).Wait()).NotTo(BeNil(), login)
			}
		})
	})
})
