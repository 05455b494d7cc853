// Package remote is a Go client of ucfake's control plane (package
// control), for tests that drive a ucfake running as a process or a
// container the way in-process specs drive a harness.World. It decodes the
// wire types of package control/api and imports nothing of the simulation.
package remote

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/ucfake/ucfake/control/api"
)

// Client talks to one tenant of a control plane. Safe for concurrent use.
type Client struct {
	Base   string       // e.g. "http://127.0.0.1:7780"
	Tenant string       // "" = the default tenant (or the tenant of Base's own listener)
	Token  string       // the server's --control-token, sent as a bearer token; "" = none
	HTTP   *http.Client // nil = http.DefaultClient
}

// Computer is what a computer shows, as the control plane reports it.
type Computer = api.Computer

// AddIn is an add-in request's outcome and the id to read it again.
type AddIn = api.AddIn

// call sends one request and decodes the JSON answer into out (if not nil).
func (c *Client) call(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.Base+"/_ucfake"+path, body)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	if c.Tenant != "" {
		req.Header.Set("X-Ucfake-Tenant", c.Tenant)
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if resp.StatusCode >= 400 {
		var e api.Error
		json.Unmarshal(data, &e)
		return &Error{Method: method, Path: path, Status: resp.StatusCode, Kind: e.Kind, Message: e.Error}
	}
	if out != nil {
		return json.Unmarshal(data, out)
	}
	return nil
}

// Error is a control-plane answer with a 4xx or 5xx status.
type Error struct {
	Method, Path string
	Status       int
	Kind         string // the server's "kind", e.g. "UnknownTenant"
	Message      string // the server's "error"
}

func (e *Error) Error() string {
	return fmt.Sprintf("ucfake %s %s: %d %s", e.Method, e.Path, e.Status, e.Message)
}

// StatusOf returns the status of an *Error in err's chain, or 0.
func StatusOf(err error) int {
	var e *Error
	if errors.As(err, &e) {
		return e.Status
	}
	return 0
}

// Ready checks that the server has started its tenants and listeners.
func (c *Client) Ready(ctx context.Context) error { return c.call(ctx, "GET", "/ready", nil, nil) }

// Health checks the control plane.
func (c *Client) Health(ctx context.Context) error { return c.call(ctx, "GET", "/health", nil, nil) }

// Reset rebuilds the tenant's world in place from its fixture.
func (c *Client) Reset(ctx context.Context) error { return c.call(ctx, "POST", "/reset", nil, nil) }

// LoadFixture rebuilds the tenant's world from an embedded organisation
// (or a file under the server's --fixture-dir).
func (c *Client) LoadFixture(ctx context.Context, name string) error {
	return c.call(ctx, "POST", "/fixture", api.FixtureRequest{Name: name}, nil)
}

// Advance moves the tenant's virtual clock.
func (c *Client) Advance(ctx context.Context, d time.Duration) error {
	return c.call(ctx, "POST", "/clock/advance", api.Advance{Duration: d.String()}, nil)
}

// SetMAPI switches MAPI for the Exchange server ("" computer) or one computer.
func (c *Client) SetMAPI(ctx context.Context, computer string, on bool) error {
	return c.call(ctx, "POST", "/mapi", api.MAPI{On: &on, Computer: computer}, nil)
}

// Computer reads what a computer shows.
func (c *Client) Computer(ctx context.Context, name string) (Computer, error) {
	var out Computer
	err := c.call(ctx, "GET", "/computers/"+name, nil, &out)
	return out, err
}

// Lync performs signin, signout or exit on a computer's Lync client.
func (c *Client) Lync(ctx context.Context, computer, action string) error {
	return c.call(ctx, "POST", "/computers/"+computer+"/lync/"+action, nil, nil)
}

// Outlook performs open or close on a computer's Outlook.
func (c *Client) Outlook(ctx context.Context, computer, action string) error {
	return c.call(ctx, "POST", "/computers/"+computer+"/outlook/"+action, nil, nil)
}

// DelegateAccess adds and removes Outlook delegates, then clicks OK.
func (c *Client) DelegateAccess(ctx context.Context, computer string, add, remove []string) error {
	return c.call(ctx, "POST", "/computers/"+computer+"/outlook/delegates", api.DelegateAccess{Add: add, Remove: remove}, nil)
}

// RemoveFromGroup is Remove from group in a computer's Lync client.
func (c *Client) RemoveFromGroup(ctx context.Context, computer, group, contact string) error {
	return c.call(ctx, "POST", "/computers/"+computer+"/lync/remove-from-group", api.RemoveFromGroup{Group: group, Contact: contact}, nil)
}

// ScheduleLyncMeeting uses the add-in on a computer for owner.
func (c *Client) ScheduleLyncMeeting(ctx context.Context, computer, owner, subject string) (AddIn, error) {
	var out AddIn
	err := c.call(ctx, "POST", "/computers/"+computer+"/outlook/lync-meeting", api.LyncMeeting{Owner: owner, Subject: subject}, &out)
	return out, err
}

// AddInOutcome reads an add-in request's outcome again (a pending request
// turns into no-response once the add-in's timeout has passed).
func (c *Client) AddInOutcome(ctx context.Context, id int) (AddIn, error) {
	var out AddIn
	err := c.call(ctx, "GET", fmt.Sprintf("/addin/%d", id), nil, &out)
	return out, err
}
