package remote

import (
	"context"
	"encoding/json"
	"net/url"

	"github.com/ucfake/ucfake/control/api"
)

// Users lists the tenant's users with their Lync accounts.
func (c *Client) Users(ctx context.Context) ([]api.User, error) {
	var out []api.User
	err := c.call(ctx, "GET", "/users", nil, &out)
	return out, err
}

// User reads one user (any name the GAL resolves).
func (c *Client) User(ctx context.Context, name string) (api.User, error) {
	var out api.User
	err := c.call(ctx, "GET", "/users/"+url.PathEscape(name), nil, &out)
	return out, err
}

// AddUser adds a user (a mailbox and a Lync account).
func (c *Client) AddUser(ctx context.Context, u api.NewUser) (api.User, error) {
	var out api.User
	err := c.call(ctx, "POST", "/users", u, &out)
	return out, err
}

// SetTelephony sets a user's telephony mode as the Control Panel does.
func (c *Client) SetTelephony(ctx context.Context, user, mode, lineURI string) error {
	return c.call(ctx, "PUT", "/users/"+url.PathEscape(user)+"/telephony", api.Telephony{Telephony: mode, LineURI: lineURI}, nil)
}

// GrantClientPolicy grants a per-user client policy ("" revokes it).
func (c *Client) GrantClientPolicy(ctx context.Context, user, policy string) error {
	return c.call(ctx, "PUT", "/users/"+url.PathEscape(user)+"/client-policy", api.PolicyGrant{Policy: policy}, nil)
}

// GrantVoicePolicy grants a per-user voice policy ("" revokes it).
func (c *Client) GrantVoicePolicy(ctx context.Context, user, policy string) error {
	return c.call(ctx, "PUT", "/users/"+url.PathEscape(user)+"/voice-policy", api.PolicyGrant{Policy: policy}, nil)
}

// GrantMailboxRight grants FullAccess, SendAs or SendOnBehalf on mailbox.
func (c *Client) GrantMailboxRight(ctx context.Context, mailbox, user, right string) error {
	return c.call(ctx, "POST", "/mailboxes/"+url.PathEscape(mailbox)+"/rights", api.MailboxRight{User: user, Right: right}, nil)
}

// Delegates lists a mailbox's Outlook delegates.
func (c *Client) Delegates(ctx context.Context, mailbox string) ([]api.Delegate, error) {
	var out []api.Delegate
	err := c.call(ctx, "GET", "/mailboxes/"+url.PathEscape(mailbox)+"/delegates", nil, &out)
	return out, err
}

// LyncDelegates lists the back end's delegate records of a delegator.
func (c *Client) LyncDelegates(ctx context.Context, delegator string) ([]api.LyncDelegate, error) {
	var out []api.LyncDelegate
	err := c.call(ctx, "GET", "/lync/delegates?delegator="+url.QueryEscape(delegator), nil, &out)
	return out, err
}

// The break states of POST /_ucfake/computers/{name}/breaks/{break}.
const (
	BreakTimingInterruption = "timing-interruption"
	BreakBrokenBuild        = "broken-build"
	BreakStuckSync          = "stuck-sync"
	BreakMAPI               = "mapi"
)

// Break puts a computer into a break state (body may be nil, or an
// api.Interruption or api.BrokenBuild) and returns its fault.
func (c *Client) Break(ctx context.Context, computer, name string, body any) (api.Fault, error) {
	var out api.Fault
	err := c.call(ctx, "POST", "/computers/"+url.PathEscape(computer)+"/breaks/"+name, body, &out)
	return out, err
}

// Undo undoes a computer's break state.
func (c *Client) Undo(ctx context.Context, computer, name string) error {
	return c.call(ctx, "DELETE", "/computers/"+url.PathEscape(computer)+"/breaks/"+name, nil, nil)
}

// NewMeeting creates an ordinary Outlook meeting from a computer.
func (c *Client) NewMeeting(ctx context.Context, computer string, m api.Meeting) (api.CalendarItem, error) {
	var out api.CalendarItem
	err := c.call(ctx, "POST", "/computers/"+url.PathEscape(computer)+"/outlook/meeting", m, &out)
	return out, err
}

// ImportState replaces the tenant's contents by a snapshot State returned.
func (c *Client) ImportState(ctx context.Context, snapshot json.RawMessage) error {
	return c.call(ctx, "PUT", "/state", snapshot, nil)
}
