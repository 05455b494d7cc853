package wirekit

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// EWS is a client of the EWS face for one user.
type EWS struct {
	URL        string // e.g. http://127.0.0.1:7781/EWS/Exchange.asmx or .../t/job/EWS/Exchange.asmx
	User, Pass string
	HTTP       *http.Client // nil: a client with a 10 s timeout
}

const soapHead = `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><soap:Header><t:RequestServerVersion Version="Exchange2013_SP1"/></soap:Header><soap:Body>`

// Call posts one operation element and returns the HTTP status and body.
func (e *EWS) Call(op string) (int, string, error) {
	req, err := http.NewRequest("POST", e.URL, strings.NewReader(soapHead+op+`</soap:Body></soap:Envelope>`))
	if err != nil {
		return 0, "", err
	}
	req.SetBasicAuth(e.User, e.Pass)
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	resp, err := client(e.HTTP).Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), err
}

// CreateCalendarItem saves an appointment in the user's own calendar and
// fails unless Exchange answers NoError.
func (e *EWS) CreateCalendarItem(subject string) error {
	op := fmt.Sprintf(`<m:CreateItem SendMeetingInvitations="SendToNone"><m:SavedItemFolderId><t:DistinguishedFolderId Id="calendar"/></m:SavedItemFolderId><m:Items><t:CalendarItem><t:Subject>%s</t:Subject><t:Start>2014-07-08T10:00:00Z</t:Start><t:End>2014-07-08T11:00:00Z</t:End></t:CalendarItem></m:Items></m:CreateItem>`, subject)
	return e.expectNoError(op)
}

// GetDelegates reads a mailbox's delegates and fails unless NoError.
func (e *EWS) GetDelegates(mailbox string) (string, error) {
	op := fmt.Sprintf(`<m:GetDelegate IncludePermissions="true"><m:Mailbox><t:EmailAddress>%s</t:EmailAddress></m:Mailbox></m:GetDelegate>`, mailbox)
	status, body, err := e.Call(op)
	if err == nil && (status != 200 || !strings.Contains(body, "<m:ResponseCode>NoError</m:ResponseCode>")) {
		err = fmt.Errorf("EWS GetDelegate: %d %.300s", status, body)
	}
	return body, err
}

// AddDelegate makes delegate a delegate of mailbox with Editor on the
// Calendar, as Outlook's Delegate Access does.
func (e *EWS) AddDelegate(mailbox, delegate string) error {
	op := fmt.Sprintf(`<m:AddDelegate><m:Mailbox><t:EmailAddress>%s</t:EmailAddress></m:Mailbox><m:DelegateUsers><t:DelegateUser><t:UserId><t:PrimarySmtpAddress>%s</t:PrimarySmtpAddress></t:UserId><t:DelegatePermissions><t:CalendarFolderPermissionLevel>Editor</t:CalendarFolderPermissionLevel></t:DelegatePermissions><t:ReceiveCopiesOfMeetingMessages>true</t:ReceiveCopiesOfMeetingMessages><t:ViewPrivateItems>false</t:ViewPrivateItems></t:DelegateUser></m:DelegateUsers><m:DeliverMeetingRequests>DelegatesAndMe</m:DeliverMeetingRequests></m:AddDelegate>`, mailbox, delegate)
	return e.expectNoError(op)
}

// RemoveDelegate removes delegate from mailbox's delegates.
func (e *EWS) RemoveDelegate(mailbox, delegate string) error {
	op := fmt.Sprintf(`<m:RemoveDelegate><m:Mailbox><t:EmailAddress>%s</t:EmailAddress></m:Mailbox><m:UserIds><t:UserId><t:PrimarySmtpAddress>%s</t:PrimarySmtpAddress></t:UserId></m:UserIds></m:RemoveDelegate>`, mailbox, delegate)
	return e.expectNoError(op)
}

func (e *EWS) expectNoError(op string) error {
	status, body, err := e.Call(op)
	if err != nil {
		return err
	}
	if status != 200 || strings.Count(body, `ResponseClass="Success"`) == 0 || strings.Contains(body, `ResponseClass="Error"`) {
		return fmt.Errorf("EWS: %d %.300s", status, body)
	}
	return nil
}

func client(c *http.Client) *http.Client {
	if c != nil {
		return c
	}
	return &http.Client{Timeout: 10 * time.Second}
}
