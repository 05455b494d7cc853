package imap

import (
	"bufio"
	"bytes"
	"io"
	"strings"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-message/textproto"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// session is one connection: the authenticated user, the mailbox their
// login opened and the selected folder.
type session struct {
	srv      *Server
	user     exchange.User
	mailbox  string // SMTP address of the opened mailbox
	folder   exchange.FolderName
	readOnly bool
	tracker  *imapserver.SessionTracker
}

func (s *session) Close() error {
	if s.tracker != nil {
		s.tracker.Close()
	}
	return nil
}

// Login authenticates; a shared-mailbox login needs FullAccess.
func (s *session) Login(login, password string) error {
	user, mailbox, err := ParseLogin(login)
	if err != nil {
		return imapserver.ErrAuthFailed
	}
	u, err := s.srv.store.Authenticate(user, password)
	if err != nil {
		return wire(err)
	}
	s.user, s.mailbox = u, u.SMTP
	if mailbox != "" {
		m, err := s.srv.store.Lookup(mailbox)
		if err != nil || (m.SMTP != u.SMTP && !s.srv.store.HasMailboxRight(m.SMTP, u.SMTP, exchange.FullAccess)) {
			return imapserver.ErrAuthFailed
		}
		s.mailbox = m.SMTP
	}
	return nil
}

func (s *session) messages() ([]exchange.Message, error) {
	return s.srv.store.Messages(s.user.SMTP, s.mailbox, s.folder)
}

// folderMessages resolves an IMAP folder name and reads its messages.
func (s *session) folderMessages(name string) (exchange.FolderName, []exchange.Message, error) {
	f, ok := folderOf(name)
	if !ok {
		return "", nil, &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeNonExistent, Text: "No such folder " + name}
	}
	msgs, err := s.srv.store.Messages(s.user.SMTP, s.mailbox, f)
	if err != nil {
		return "", nil, wire(err)
	}
	return f, msgs, nil
}

func (s *session) Select(name string, options *imap.SelectOptions) (*imap.SelectData, error) {
	f, ok := folderOf(name)
	if !ok {
		return nil, &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeNonExistent, Text: "No such folder " + name}
	}
	msgs, tracker, err := s.srv.open(s.user.SMTP, s.mailbox, f)
	if err != nil {
		return nil, wire(err)
	}
	s.Unselect()
	s.folder, s.readOnly, s.tracker = f, options != nil && options.ReadOnly, tracker
	return &imap.SelectData{
		Flags:          []imap.Flag{imap.FlagSeen, imap.FlagAnswered, imap.FlagFlagged, imap.FlagDeleted, imap.FlagDraft},
		PermanentFlags: []imap.Flag{imap.FlagSeen, imap.FlagAnswered, imap.FlagFlagged, imap.FlagDeleted, imap.FlagDraft},
		NumMessages:    uint32(len(msgs)), UIDNext: uidNext(msgs), UIDValidity: s.srv.store.UIDValidity(s.mailbox, f),
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
	s.folder = ""
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
	n, unseen, next, validity := uint32(len(msgs)), uint32(0), uidNext(msgs), s.srv.store.UIDValidity(s.mailbox, f)
	for _, m := range msgs {
		if !hasFlag(m.Flags, `\Seen`) {
			unseen++
		}
	}
	return &imap.StatusData{Mailbox: name, NumMessages: &n, UIDNext: next, UIDValidity: validity, NumUnseen: &unseen}, nil
}

func (s *session) Append(name string, r imap.LiteralReader, options *imap.AppendOptions) (*imap.AppendData, error) {
	f, ok := folderOf(name)
	if !ok {
		return nil, &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeTryCreate, Text: "No such folder " + name}
	}
	raw, err := io.ReadAll(io.LimitReader(r, 16<<20))
	if err != nil {
		return nil, err
	}
	var flags []string
	for _, fl := range options.Flags {
		flags = append(flags, string(fl))
	}
	if _, err := s.srv.store.Messages(s.user.SMTP, s.mailbox, f); err != nil {
		return nil, wire(err)
	}
	m, err := s.srv.store.DeliverMessage(s.mailbox, f, raw, flags)
	if err != nil {
		return nil, wire(err)
	}
	return &imap.AppendData{UID: imap.UID(m.UID), UIDValidity: s.srv.store.UIDValidity(s.mailbox, f)}, nil
}

func (s *session) Poll(w *imapserver.UpdateWriter, allowExpunge bool) error {
	if s.tracker == nil {
		return nil
	}
	return s.tracker.Poll(w, allowExpunge)
}

func (s *session) Idle(w *imapserver.UpdateWriter, stop <-chan struct{}) error {
	if s.tracker == nil {
		return nil
	}
	return s.tracker.Idle(w, stop)
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
