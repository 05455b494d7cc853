package imap

import (
	"context"
	"errors"
	"log/slog"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/wirelog"
)

// WithLogger writes one line per command at debug level (package
// wirelog): face imap, the tenant, the command, the login or the user's
// address, OK, NO, BAD or BYE, and how long it took. Default: no lines.
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.log = l } }

// newSession is a connection's session, logged when the logger asks for
// debug lines.
func (s *Server) newSession(c *imapserver.Conn) imapserver.Session {
	ses := &session{srv: s, conn: c, tenant: tenantOf(c)}
	if s.cfg.log == nil || !s.cfg.log.Enabled(context.Background(), slog.LevelDebug) {
		return ses
	}
	return &logged{session: ses}
}

// logged writes a line after every command of its session.
type logged struct {
	*session
	login string // the name given to LOGIN, until a user is logged in
}

// line starts timing a command; call the result with its error.
func (l *logged) line(op string) func(error) {
	elapsed := clock.Stopwatch()
	return func(err error) {
		who := l.user.SMTP
		if who == "" {
			who = l.login
		}
		wirelog.Line(l.srv.cfg.log, "imap", l.tenant, op, who, result(err), elapsed())
	}
}

// result is the status of a command's answer.
func result(err error) string {
	var e *imap.Error
	switch {
	case err == nil:
		return "OK"
	case errors.As(err, &e):
		return string(e.Type)
	}
	return "NO"
}

func (l *logged) Login(user, password string) error {
	l.login = user
	done := l.line("LOGIN")
	err := l.session.Login(user, password)
	done(err)
	return err
}

func (l *logged) Select(name string, o *imap.SelectOptions) (*imap.SelectData, error) {
	done := l.line("SELECT")
	d, err := l.session.Select(name, o)
	done(err)
	return d, err
}

func (l *logged) Unselect() error {
	done := l.line("UNSELECT")
	err := l.session.Unselect()
	done(err)
	return err
}

func (l *logged) List(w *imapserver.ListWriter, ref string, patterns []string, o *imap.ListOptions) error {
	done := l.line("LIST")
	err := l.session.List(w, ref, patterns, o)
	done(err)
	return err
}

func (l *logged) Status(name string, o *imap.StatusOptions) (*imap.StatusData, error) {
	done := l.line("STATUS")
	d, err := l.session.Status(name, o)
	done(err)
	return d, err
}

func (l *logged) Append(name string, r imap.LiteralReader, o *imap.AppendOptions) (*imap.AppendData, error) {
	done := l.line("APPEND")
	d, err := l.session.Append(name, r, o)
	done(err)
	return d, err
}

func (l *logged) Idle(w *imapserver.UpdateWriter, stop <-chan struct{}) error {
	done := l.line("IDLE")
	err := l.session.Idle(w, stop)
	done(err)
	return err
}

func (l *logged) Expunge(w *imapserver.ExpungeWriter, uids *imap.UIDSet) error {
	done := l.line("EXPUNGE")
	err := l.session.Expunge(w, uids)
	done(err)
	return err
}

func (l *logged) Search(kind imapserver.NumKind, c *imap.SearchCriteria, o *imap.SearchOptions) (*imap.SearchData, error) {
	done := l.line("SEARCH")
	d, err := l.session.Search(kind, c, o)
	done(err)
	return d, err
}

func (l *logged) Fetch(w *imapserver.FetchWriter, set imap.NumSet, o *imap.FetchOptions) error {
	done := l.line("FETCH")
	err := l.session.Fetch(w, set, o)
	done(err)
	return err
}

func (l *logged) Store(w *imapserver.FetchWriter, set imap.NumSet, f *imap.StoreFlags, o *imap.StoreOptions) error {
	done := l.line("STORE")
	err := l.session.Store(w, set, f, o)
	done(err)
	return err
}

func (l *logged) Copy(set imap.NumSet, dest string) (*imap.CopyData, error) {
	done := l.line("COPY")
	d, err := l.session.Copy(set, dest)
	done(err)
	return d, err
}

func (l *logged) Create(name string, o *imap.CreateOptions) error {
	done := l.line("CREATE")
	err := l.session.Create(name, o)
	done(err)
	return err
}

func (l *logged) Delete(name string) error {
	done := l.line("DELETE")
	err := l.session.Delete(name)
	done(err)
	return err
}

func (l *logged) Rename(name, to string, o *imap.RenameOptions) error {
	done := l.line("RENAME")
	err := l.session.Rename(name, to, o)
	done(err)
	return err
}

func (l *logged) Subscribe(name string) error {
	done := l.line("SUBSCRIBE")
	err := l.session.Subscribe(name)
	done(err)
	return err
}

func (l *logged) Unsubscribe(name string) error {
	done := l.line("UNSUBSCRIBE")
	err := l.session.Unsubscribe(name)
	done(err)
	return err
}

func (l *logged) Namespace() (*imap.NamespaceData, error) {
	done := l.line("NAMESPACE")
	d, err := l.session.Namespace()
	done(err)
	return d, err
}
