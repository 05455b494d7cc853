package remote

import (
	"context"
	"net/url"
	"strconv"

	"github.com/ucfake/ucfake/control/api"
)

// JournalFilter narrows Journal; zero fields match everything.
type JournalFilter struct {
	Face, Op, Identity string
	Since              uint64 // entries after this sequence number
}

// Journal reads the tenant's request journal: the entries that match, how
// many the journal has let go that Since asked for, and how many it keeps.
func (c *Client) Journal(ctx context.Context, f JournalFilter) (api.Journal, error) {
	q := url.Values{}
	for k, v := range map[string]string{"face": f.Face, "op": f.Op, "identity": f.Identity} {
		if v != "" {
			q.Set(k, v)
		}
	}
	if f.Since != 0 {
		q.Set("since", strconv.FormatUint(f.Since, 10))
	}
	var out api.Journal
	err := c.call(ctx, "GET", "/journal?"+q.Encode(), nil, &out)
	return out, err
}

// ClearJournal forgets the journal's entries and returns how many.
func (c *Client) ClearJournal(ctx context.Context) (int, error) {
	var out api.Removed
	err := c.call(ctx, "DELETE", "/journal", nil, &out)
	return out.Removed, err
}

// Budgets reads the tenant's throttling budgets.
func (c *Client) Budgets(ctx context.Context) (api.Budgets, error) {
	var out api.Budgets
	err := c.call(ctx, "GET", "/budgets", nil, &out)
	return out, err
}

// SetBudgets replaces the tenant's throttling budgets (the zero Budgets
// turns throttling off) and returns them as set.
func (c *Client) SetBudgets(ctx context.Context, b api.Budgets) (api.Budgets, error) {
	var out api.Budgets
	err := c.call(ctx, "PUT", "/budgets", b, &out)
	return out, err
}

// Versions reads the server versions the tenant emulates.
func (c *Client) Versions(ctx context.Context) (api.Versions, error) {
	var out api.Versions
	err := c.call(ctx, "GET", "/versions", nil, &out)
	return out, err
}

// SetVersions makes the tenant emulate other server versions ("" keeps
// one) and returns them with EWS's ServerVersionInfo.
func (c *Client) SetVersions(ctx context.Context, exchange, lync string) (api.Versions, error) {
	var out api.Versions
	err := c.call(ctx, "PUT", "/versions", api.Versions{Exchange: exchange, Lync: lync}, &out)
	return out, err
}
