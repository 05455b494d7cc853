package wirekit

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// JSON posts (or, with a nil body, gets) JSON with optional Basic
// credentials and decodes the answer into out (may be nil); it returns the
// status.
func JSON(method, url, user, pass string, body any, out any) (int, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, err
		}
		rd = strings.NewReader(string(b))
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	if user != "" {
		req.SetBasicAuth(user, pass)
	}
	resp, err := client(nil).Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, err
	}
	if out != nil && len(data) > 0 && resp.StatusCode < 300 {
		if err := json.Unmarshal(data, out); err != nil {
			return resp.StatusCode, fmt.Errorf("%w: %.200s", err, data)
		}
	}
	if resp.StatusCode >= 300 {
		return resp.StatusCode, fmt.Errorf("%s %s: %d %.300s", method, url, resp.StatusCode, data)
	}
	return resp.StatusCode, nil
}

// UCWAMeeting creates a UCWA application for user and schedules a meeting
// with subject through it.
func UCWAMeeting(base, user, pass, subject string) error {
	var app struct {
		Links map[string]struct{ Href string } `json:"_links"`
	}
	if _, err := JSON("POST", base+"/ucwa/v1/applications", user, pass, map[string]string{}, &app); err != nil {
		return err
	}
	_, err := JSON("POST", base+app.Links["myOnlineMeetings"].Href, user, pass, map[string]string{"subject": subject}, nil)
	return err
}

// Admin and AdminPassword are the administrator of the embedded
// organisations, whose Basic credentials the admin cmdlets need.
const (
	Admin         = "lyncadmin@contoso.com"
	AdminPassword = "Pa$$w0rd"
)

// Cmdlet runs an admin cmdlet with JSON parameters, as Admin.
func Cmdlet(base, name string, params map[string]any) error {
	_, err := JSON("POST", base+"/admin/"+name, Admin, AdminPassword, params, nil)
	return err
}
