package desktop

import (
	"errors"
	"fmt"
	"time"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// ErrOutlookClosed is returned by Outlook actions while it is closed.
var ErrOutlookClosed = errors.New("desktop: Outlook is not open")

// ErrExchangeUnavailable is what Outlook shows when an action needs the
// Exchange server while the server's MAPI service is down (the wording is
// an assumption recorded in docs/fidelity.md).
var ErrExchangeUnavailable = errors.New("The connection to Microsoft Exchange is unavailable. Outlook must be online or connected to complete this action.")

// Outlook is a simulated Outlook for one user on one computer, with the
// Lync Meeting add-in. Outlook 2010 and 2013 are MAPI clients, here in
// online mode: while Exchange's MAPI service is down every action that
// reaches a mailbox fails with ErrExchangeUnavailable. A failure of the
// Lync client's UCMAPI on one computer (a fault of OpMAPI) leaves Outlook
// working.
type Outlook struct {
	env      *Env
	computer *Computer
	user     Person
	open     bool
}

// Open starts Outlook.
func (o *Outlook) Open() {
	o.env.mu.Lock()
	defer o.env.mu.Unlock()
	if !o.open {
		o.open = true
		o.env.record(o.user.SMTP, "Outlook opened on "+o.computer.name, "")
	}
}

// Close closes Outlook.
func (o *Outlook) Close() {
	o.env.mu.Lock()
	defer o.env.mu.Unlock()
	if o.open {
		o.open = false
		o.env.record(o.user.SMTP, "Outlook closed on "+o.computer.name, "")
	}
}

// ready checks that Outlook is open and reaches Exchange. Called with the
// desktop lock held.
func (o *Outlook) ready() error {
	switch {
	case !o.open:
		return ErrOutlookClosed
	case !o.env.exchange.MAPIAvailable():
		return ErrExchangeUnavailable
	}
	return nil
}

// IsOpen reports whether Outlook is open.
func (o *Outlook) IsOpen() bool { o.env.mu.Lock(); defer o.env.mu.Unlock(); return o.open }

// User returns Outlook's user.
func (o *Outlook) User() Person { return o.user }

// Meeting is what a person types into a new meeting form.
type Meeting struct {
	Subject   string
	Location  string
	Start     time.Time // zero: tomorrow at this time
	Duration  time.Duration
	Attendees []string // any names the GAL resolves
}

// item converts m into a calendar item for owner's calendar.
func (o *Outlook) item(owner Person, m Meeting) (exchange.CalendarItem, error) {
	start := m.Start
	if start.IsZero() {
		start = o.env.clock.Now().Add(24 * time.Hour).Truncate(time.Hour)
	}
	if m.Duration <= 0 {
		m.Duration = 30 * time.Minute
	}
	it := exchange.CalendarItem{Subject: m.Subject, Location: m.Location, Start: start, End: start.Add(m.Duration), Organizer: owner.SMTP}
	for _, a := range m.Attendees {
		p, err := o.env.resolve(a)
		if err != nil {
			return it, fmt.Errorf("desktop: attendee %q: %w", a, err)
		}
		it.Attendees = append(it.Attendees, p.SMTP)
	}
	return it, nil
}

// NewMeeting creates an ordinary (not online) meeting in owner's calendar
// ("" means one's own) and sends the invitations, as New Meeting + Send
// does. Exchange enforces the rights.
func (o *Outlook) NewMeeting(owner string, m Meeting) (exchange.CalendarItem, error) {
	o.env.mu.Lock()
	defer o.env.mu.Unlock()
	if err := o.ready(); err != nil {
		return exchange.CalendarItem{}, err
	}
	p, err := o.ownerOf(owner)
	if err != nil {
		return exchange.CalendarItem{}, err
	}
	it, err := o.item(p, m)
	if err != nil {
		return exchange.CalendarItem{}, err
	}
	return o.env.exchange.CreateCalendarItem(o.user.SMTP, p.SMTP, it, exchange.SendToAllAndSaveCopy)
}

// OpenCalendar opens owner's calendar ("" means one's own) and returns
// what it shows.
func (o *Outlook) OpenCalendar(owner string) ([]exchange.CalendarItem, error) {
	o.env.mu.Lock()
	defer o.env.mu.Unlock()
	if err := o.ready(); err != nil {
		return nil, err
	}
	p, err := o.ownerOf(owner)
	if err != nil {
		return nil, err
	}
	return o.env.exchange.CalendarItems(o.user.SMTP, p.SMTP)
}

// Folder returns the messages of one of the user's own mail folders.
func (o *Outlook) Folder(f exchange.FolderName) ([]exchange.Message, error) {
	o.env.mu.Lock()
	defer o.env.mu.Unlock()
	if err := o.ready(); err != nil {
		return nil, err
	}
	return o.env.exchange.Messages(o.user.SMTP, o.user.SMTP, f)
}

func (o *Outlook) ownerOf(owner string) (Person, error) {
	if owner == "" {
		return o.user, nil
	}
	return o.env.resolve(owner)
}
