package imap

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-message/textproto"

	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/tenant"
)

// session is one connection of one tenant: the authenticated user, the
// mailbox their login opened and the selected folder. Each command resolves
// the tenant's current store; a selection belongs to the store it was made
// on, so after a reset of the tenant it must be made again.
type session struct {
	srv      *Server
	conn     *imapserver.Conn
	tenant   string
	user     exchange.User
	mailbox  string // SMTP address of the opened mailbox
	folder   exchange.FolderName
	readOnly bool
	tracker  *imapserver.SessionTracker
	selected trackerKey // the store, mailbox and folder of the selection
}

// world resolves the session's tenant now.
func (s *session) world() (tenant.World, error) {
	w, err := s.srv.resolve(s.tenant)
	if err != nil {
		return nil, &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeUnavailable, Text: err.Error()}
	}
	return w, nil
}

// store returns the tenant's current Exchange store.
func (s *session) store() (*exchange.Store, error) {
	w, err := s.world()
	if err != nil {
		return nil, err
	}
	return w.Exchange(), nil
}

// selection returns the store of the selected folder, refusing a selection
// made before the tenant was reset.
func (s *session) selection() (*exchange.Store, error) {
	st, err := s.store()
	if err != nil {
		return nil, err
	}
	if st != s.selected.store {
		return nil, &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeUnavailable,
			Text: fmt.Sprintf("tenant %q was reset since this folder was selected: SELECT it again", s.tenant)}
	}
	return st, nil
}

// commit makes the tenant's changes durable before the tagged OK.
func (s *session) commit() error {
	w, err := s.world()
	if err == nil {
		err = w.Commit()
	}
	if err != nil {
		return &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeServerBug, Text: "the change was applied but could not be saved: " + err.Error()}
	}
	return nil
}

func (s *session) Close() error {
	if s.tracker != nil {
		s.tracker.Close()
	}
	return nil
}

// Login authenticates; a shared-mailbox login needs FullAccess.
func (s *session) Login(login, password string) error {
	if err := s.fault("LOGIN", login); err != nil {
		return err
	}
	user, mailbox, err := ParseLogin(login)
	if err != nil {
		return imapserver.ErrAuthFailed
	}
	st, err := s.store()
	if err != nil {
		return err
	}
	u, err := st.Authenticate(user, password)
	if err != nil {
		return wire(err)
	}
	s.user, s.mailbox = u, u.SMTP
	if mailbox != "" {
		m, err := st.Lookup(mailbox)
		if err != nil || (m.SMTP != u.SMTP && !st.HasMailboxRight(m.SMTP, u.SMTP, exchange.FullAccess)) {
			return imapserver.ErrAuthFailed
		}
		s.mailbox = m.SMTP
	}
	return nil
}

// messages reads the selected folder.
func (s *session) messages() (*exchange.Store, []exchange.Message, error) {
	st, err := s.selection()
	if err != nil {
		return nil, nil, err
	}
	msgs, err := st.Messages(s.user.SMTP, s.mailbox, s.folder)
	if err != nil {
		return nil, nil, wire(err)
	}
	return st, msgs, nil
}

// folderMessages resolves an IMAP folder name and reads its messages.
func (s *session) folderMessages(name string) (exchange.FolderName, []exchange.Message, error) {
	f, ok := folderOf(name)
	if !ok {
		return "", nil, &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeNonExistent, Text: "No such folder " + name}
	}
	st, err := s.store()
	if err != nil {
		return "", nil, err
	}
	msgs, err := st.Messages(s.user.SMTP, s.mailbox, f)
	if err != nil {
		return "", nil, wire(err)
	}
	return f, msgs, nil
}

func (s *session) Select(name string, options *imap.SelectOptions) (*imap.SelectData, error) {
	if err := s.fault("SELECT", s.user.SMTP); err != nil {
		return nil, err
	}
	f, ok := folderOf(name)
	if !ok {
		return nil, &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeNonExistent, Text: "No such folder " + name}
	}
	st, err := s.store()
	if err != nil {
		return nil, err
	}
	msgs, tracker, err := s.srv.open(s.tenant, st, s.user.SMTP, s.mailbox, f)
	if err != nil {
		return nil, wire(err)
	}
	s.Unselect()
	s.folder, s.readOnly, s.tracker = f, options != nil && options.ReadOnly, tracker
	s.selected = trackerKey{s.tenant, st, directory.NormalizeSMTP(s.mailbox), f}
	return &imap.SelectData{
		Flags:          []imap.Flag{imap.FlagSeen, imap.FlagAnswered, imap.FlagFlagged, imap.FlagDeleted, imap.FlagDraft},
		PermanentFlags: []imap.Flag{imap.FlagSeen, imap.FlagAnswered, imap.FlagFlagged, imap.FlagDeleted, imap.FlagDraft},
		NumMessages:    uint32(len(msgs)), UIDNext: uidNext(msgs), UIDValidity: st.UIDValidity(s.mailbox, f),
	}, nil
}

func uidNext(msgs []exchange.Message) imap.UID {
	if len(msgs) == 0 {
		return 1
	}
	return imap.UID(msgs[len(msgs)-1].UID + 1)
}

func (s *session) Unselect() error {
	if s.tracker != nil {
		s.tracker.Close()
		s.tracker = nil
	}
	s.folder, s.selected = "", trackerKey{}
	return nil
}

func (s *session) Create(string, *imap.CreateOptions) error         { return errNotSupported }
func (s *session) Delete(string) error                              { return errNotSupported }
func (s *session) Rename(string, string, *imap.RenameOptions) error { return errNotSupported }
func (s *session) Subscribe(string) error                           { return nil }
func (s *session) Unsubscribe(string) error                         { return nil }
func (s *session) Copy(imap.NumSet, string) (*imap.CopyData, error) { return nil, errNotSupported }

func (s *session) List(w *imapserver.ListWriter, ref string, patterns []string, _ *imap.ListOptions) error {
	for _, f := range folders {
		for _, p := range patterns {
			if imapserver.MatchList(f.name, '/', ref, p) {
				if err := w.WriteList(&imap.ListData{Mailbox: f.name, Delim: '/', Attrs: []imap.MailboxAttr{imap.MailboxAttrHasNoChildren}}); err != nil {
					return err
				}
				break
			}
		}
	}
	return nil
}

func (s *session) Namespace() (*imap.NamespaceData, error) {
	return &imap.NamespaceData{Personal: []imap.NamespaceDescriptor{{Prefix: "", Delim: '/'}}}, nil
}

func (s *session) Status(name string, options *imap.StatusOptions) (*imap.StatusData, error) {
	f, msgs, err := s.folderMessages(name)
	if err != nil {
		return nil, err
	}
	st, err := s.store()
	if err != nil {
		return nil, err
	}
	n, unseen, next, validity := uint32(len(msgs)), uint32(0), uidNext(msgs), st.UIDValidity(s.mailbox, f)
	for _, m := range msgs {
		if !hasFlag(m.Flags, `\Seen`) {
			unseen++
		}
	}
	return &imap.StatusData{Mailbox: name, NumMessages: &n, UIDNext: next, UIDValidity: validity, NumUnseen: &unseen}, nil
}

func (s *session) Append(name string, r imap.LiteralReader, options *imap.AppendOptions) (*imap.AppendData, error) {
	if err := s.fault("APPEND", s.user.SMTP); err != nil {
		return nil, err
	}
	f, ok := folderOf(name)
	if !ok {
		return nil, &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeTryCreate, Text: "No such folder " + name}
	}
	raw, err := s.readMessage(r)
	if err != nil {
		return nil, err
	}
	var flags []string
	for _, fl := range options.Flags {
		flags = append(flags, string(fl))
	}
	st, err := s.store()
	if err != nil {
		return nil, err
	}
	if _, err := st.Messages(s.user.SMTP, s.mailbox, f); err != nil {
		return nil, wire(err)
	}
	m, err := st.DeliverMessage(s.mailbox, f, raw, flags)
	if err != nil {
		return nil, wire(err)
	}
	if err := s.commit(); err != nil {
		return nil, err
	}
	return &imap.AppendData{UID: imap.UID(m.UID), UIDValidity: st.UIDValidity(s.mailbox, f)}, nil
}

// readMessage reads an APPEND message whole, or refuses it: over the
// limit NO [TOOBIG], cut off NO (the front has ended the connection). The
// session does not implement go-imap's SessionAppendLimit, which would
// advertise APPENDLIMIT (Exchange does not); the front refuses larger
// messages before go-imap sees them.
func (s *session) readMessage(r imap.LiteralReader) ([]byte, error) {
	limit := s.srv.cfg.appendLimit
	if r.Size() > limit {
		return nil, &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeTooBig, Text: fmt.Sprintf("The message is %d bytes; APPEND takes at most %d", r.Size(), limit)}
	}
	raw, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err == nil && int64(len(raw)) != r.Size() {
		err = fmt.Errorf("%d of %d bytes arrived", len(raw), r.Size())
	}
	if err != nil {
		return nil, &imap.Error{Type: imap.StatusResponseTypeNo, Text: "The message could not be read: " + err.Error()}
	}
	return raw, nil
}

func (s *session) Poll(w *imapserver.UpdateWriter, allowExpunge bool) error {
	if s.tracker == nil {
		return nil
	}
	return s.tracker.Poll(w, allowExpunge)
}

func hasFlag(flags []string, f string) bool {
	for _, x := range flags {
		if strings.EqualFold(x, f) {
			return true
		}
	}
	return false
}

// header parses a message's header for ENVELOPE and searches.
func header(raw []byte) textproto.Header {
	h, _ := textproto.ReadHeader(bufio.NewReader(bytes.NewReader(raw)))
	return h
}
