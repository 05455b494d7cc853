package imap

import (
	"encoding/base64"
	"fmt"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
)

// dateTimeLayout is IMAP's date-time (APPEND), as go-imap parses it.
const dateTimeLayout = "_2-Jan-2006 15:04:05 -0700"

// refusal is an answer the front gives in go-imap's place.
type refusal struct {
	tag  string // "" for an untagged answer
	typ  imap.StatusResponseType
	code imap.ResponseCode
	text string
	bye  bool // then BYE and close: the client's bytes cannot be framed any more
}

// line is the refusal's response line.
func (r *refusal) line() string {
	tag, code := r.tag, ""
	if tag == "" {
		tag = "*"
	}
	if r.code != "" {
		code = "[" + string(r.code) + "] "
	}
	return fmt.Sprintf("%s %s %s%s\r\n", tag, r.typ, code, r.text)
}

func clientBug(tag, format string, args ...any) *refusal {
	return &refusal{tag: tag, typ: imap.StatusResponseTypeBad, code: imap.ResponseCodeClientBug, text: fmt.Sprintf(format, args...)}
}

// argStart is where a command's arguments start among its tokens.
func argStart(name string) int {
	if strings.HasPrefix(name, "UID ") {
		return 3
	}
	return 2
}

// check finds what go-imap's parser would refuse as its own failure
// (NO [SERVERBUG]) although the fault is the client's, and refuses it with
// BAD and the reason; it rewrites Exchange's unquoted shared-mailbox
// LOGIN. A nil result passes the command on.
func check(c *command, cfg *config) *refusal {
	if c.name == "LOGIN" {
		c.quoteLogin()
	}
	toks := c.tokens()
	for _, t := range toks {
		if t.kind == tokBad { // go-imap would read on into the next command
			return clientBug(c.tag, "%s: a quoted string does not end on its line", c.name)
		}
	}
	args := toks[min(argStart(c.name), len(toks)):]
	switch c.name {
	case "SEARCH", "UID SEARCH":
		if why := checkSearch(args); why != "" {
			return clientBug(c.tag, "%s", why)
		}
	case "FETCH", "STORE", "COPY", "MOVE", "UID FETCH", "UID STORE", "UID COPY", "UID MOVE", "UID EXPUNGE":
		if len(args) > 0 && args[0].kind == tokAtom {
			if why := checkSet(c.name, args[0].text); why != "" {
				return clientBug(c.tag, "%s", why)
			}
		}
		if strings.HasSuffix(c.name, "COPY") || strings.HasSuffix(c.name, "MOVE") {
			return checkMailboxes(c, args, 1)
		}
	case "SELECT", "EXAMINE", "CREATE", "DELETE", "SUBSCRIBE", "UNSUBSCRIBE", "STATUS":
		return checkMailboxes(c, args, 0)
	case "RENAME":
		return checkMailboxes(c, args, 0, 1)
	case "LIST", "LSUB":
		return checkMailboxes(c, args, allStrings(args)...)
	case "APPEND":
		return checkAppend(c, args, cfg)
	case "AUTHENTICATE":
		return checkInitialResponse(c)
	}
	return nil
}

// checkMailboxes checks the mailbox names at the given argument positions.
func checkMailboxes(c *command, args []token, at ...int) *refusal {
	for _, i := range at {
		if i < len(args) && args[i].isString() {
			if err := checkMailboxName(args[i].text); err != nil {
				return clientBug(c.tag, "%s: the mailbox name %q is not modified UTF-7 (RFC 3501 section 5.1.3): %v", c.name, args[i].text, err)
			}
		}
	}
	return nil
}

// allStrings lists the positions of the string arguments.
func allStrings(args []token) []int {
	var at []int
	for i, a := range args {
		if a.isString() {
			at = append(at, i)
		}
	}
	return at
}

// checkAppend checks what go-imap reads before APPEND's message (so that
// it does ask for the message) and the message's size.
func checkAppend(c *command, args []token, cfg *config) *refusal {
	if r := checkMailboxes(c, args, 0); r != nil {
		return r
	}
	i := 1
	if i < len(args) && args[i].kind == tokLParen {
		for i++; i < len(args) && args[i].kind != tokRParen; i++ {
			if !isFlag(args[i]) {
				return clientBug(c.tag, "APPEND: %q is not a flag", args[i].text)
			}
		}
		i++
	}
	if i < len(args) && args[i].kind == tokQuoted {
		if _, err := time.Parse(dateTimeLayout, args[i].text); err != nil {
			return clientBug(c.tag, "APPEND: %q is not a date-time; IMAP's read dd-Mon-yyyy hh:mm:ss +zzzz", args[i].text)
		}
	}
	return checkMessageSize(c, cfg)
}

// isFlag reports whether t is a flag go-imap reads: an atom, "\" and an
// atom, or "\*".
func isFlag(t token) bool {
	name := strings.TrimPrefix(t.text, `\`)
	if t.kind != tokAtom || name == "" {
		return false
	}
	return name == "*" || strings.IndexFunc(name, func(r rune) bool { return r > 0x7f || !isAtomChar(byte(r)) }) < 0
}

// checkMessageSize refuses an APPEND message over the limit, before it is
// sent: NO [TOOBIG] (a synchronizing literal: the client is waiting for
// our go-ahead), or BAD and BYE (a non-synchronizing one is on its way).
func checkMessageSize(c *command, cfg *config) *refusal {
	last := c.segs[len(c.segs)-1].lit
	if last == nil || last.data != nil {
		return nil
	}
	switch {
	case last.nonSync && last.size > MaxLiteral:
		return nonSyncTooBig(c.tag)
	case last.size > cfg.appendLimit:
		r := &refusal{tag: c.tag, typ: imap.StatusResponseTypeNo, code: imap.ResponseCodeTooBig,
			text: fmt.Sprintf("The message is %d bytes; APPEND takes at most %d", last.size, cfg.appendLimit)}
		r.bye = last.nonSync
		return r
	}
	return nil
}

func nonSyncTooBig(tag string) *refusal {
	return &refusal{tag: tag, typ: imap.StatusResponseTypeBad, code: imap.ResponseCodeTooBig, bye: true,
		text: fmt.Sprintf("Non-synchronizing literals are limited to %d bytes (LITERAL-)", MaxLiteral)}
}

// checkInitialResponse checks AUTHENTICATE's initial response, which
// go-imap decodes before anything else: the rest of the line after the
// mechanism and one space, "=" or base64.
func checkInitialResponse(c *command) *refusal {
	line := string(c.segs[0].line)
	_, line = atomPrefix(line) // the tag
	_, line = atomPrefix(strings.TrimPrefix(line, " "))
	_, line = atomPrefix(strings.TrimPrefix(line, " ")) // the mechanism
	ir, ok := strings.CutPrefix(line, " ")
	if !ok || ir == "" || ir == "=" {
		return nil
	}
	if _, err := base64.StdEncoding.DecodeString(ir); err != nil {
		return clientBug(c.tag, "AUTHENTICATE: the initial response %q is not base64: %v", ir, err)
	}
	return nil
}

// quoteLogin quotes LOGIN's arguments where go-imap would not read them
// as atoms: Exchange takes "LOGIN user@contoso.com\manager@contoso.com
// secret" unquoted, as Python's imaplib sends it (the password quoted or
// not), and so does ucfake. Quoted arguments stay as they are.
func (c *command) quoteLogin() {
	if len(c.segs) != 1 {
		return // a literal argument needs no quoting
	}
	f := strings.SplitN(string(c.segs[0].line), " ", 3)
	if len(f) != 3 {
		return
	}
	var out []string
	for rest := f[2]; rest != ""; rest = strings.TrimPrefix(rest, " ") {
		arg := rest
		if rest[0] == '"' {
			_, n, ok := unquote(rest)
			if !ok {
				return
			}
			arg = rest[:n]
		} else if sp := strings.IndexByte(rest, ' '); sp >= 0 {
			arg = rest[:sp]
		}
		if arg == "" {
			return // two spaces: go-imap refuses the syntax
		}
		rest = rest[len(arg):]
		if arg[0] != '"' && !isAString(arg) {
			arg = quote(arg)
		}
		out = append(out, arg)
	}
	if len(out) == 2 {
		c.segs[0].line = []byte(f[0] + " " + f[1] + " " + out[0] + " " + out[1])
	}
}
