package imap

import (
	"sync"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// maxEnvelopes bounds the envelope cache; past it the cache starts over.
const maxEnvelopes = 50000

// envelopeKey names one message for as long as it exists: the store never
// changes a delivered message and never reuses a UID within a UIDVALIDITY.
type envelopeKey struct {
	store   *exchange.Store // one tenant's store: a reset makes another
	mailbox string
	folder  exchange.FolderName
	uid     uint32
}

// envelopes caches parsed ENVELOPEs so that repeated FETCHes (a client's
// every SELECT) do not parse the same headers again.
type envelopes struct {
	mu sync.Mutex
	m  map[envelopeKey]*imap.Envelope
}

// get returns m's envelope, parsing its header the first time.
func (c *envelopes) get(st *exchange.Store, m exchange.Message) *imap.Envelope {
	k := envelopeKey{st, m.Mailbox, m.Folder, m.UID}
	c.mu.Lock()
	env, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return env
	}
	env = imapserver.ExtractEnvelope(header(m.Raw))
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxEnvelopes {
		c.m = map[envelopeKey]*imap.Envelope{}
	}
	c.m[k] = env
	return env
}
