package ews

import (
	"encoding/xml"
	"strings"
)

// The GetDelegate fast path. GetDelegate is the request clients poll most
// (Outlook and Lync read the delegates of every mailbox they open), and on
// it encoding/xml's tokenizer was most of the handler's time. fastGetDelegate
// reads a request of the plain shape clients send (an envelope whose
// header holds accepted RequestServerVersion and other simple elements, and
// a GetDelegate holding a Mailbox and optionally UserIds) with a small
// scanner and returns what findOperation and decodeDelegateReq would have.
// On anything else (comments, CDATA, entities, non-ASCII, a DOCTYPE, any
// child it does not know, a repeated one, whatever would be refused) it
// reports false and the request goes through encoding/xml as before, so
// that every answer, fault and journal entry is the general decoder's.
// FuzzFastGetDelegate checks that whatever it accepts decodes the same.

// fastRequest is what the fast path read.
type fastRequest struct {
	op    xml.StartElement
	asked string
	req   delegateReq
}

// fastScanner reads a plain XML document (the subset described above).
type fastScanner struct {
	doc     string // the document, converted once: names and values are its substrings
	i       int
	ns      []xml.Attr // in-scope declarations, innermost last: Name.Local is the prefix ("" for xmlns=), Value the URI
	marks   []int      // len(ns) before each open element
	open    []string   // the raw names of the open elements
	attrBuf []xml.Attr
	// room for the stacks of a plain request, so that they need no allocation
	nsRoom    [8]xml.Attr
	marksRoom [8]int
	openRoom  [8]string
	attrRoom  [4]xml.Attr
}

// rawTag is one tag as written.
type rawTag struct {
	name  string // prefix:local as written
	attrs []xml.Attr
	end   bool // an end tag
	empty bool // a self-closing start tag
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (s *fastScanner) space() {
	for s.i < len(s.doc) && isSpace(s.doc[s.i]) {
		s.i++
	}
}

// name reads an ASCII name with at most one colon, neither first nor last.
func (s *fastScanner) name() (string, bool) {
	start, colon := s.i, -1
	for ; s.i < len(s.doc); s.i++ {
		c := s.doc[s.i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '_':
		case '0' <= c && c <= '9', c == '.', c == '-':
			if s.i == start || s.i == colon+1 {
				return "", false
			}
		case c == ':':
			if colon >= 0 || s.i == start {
				return "", false
			}
			colon = s.i
		default:
			if s.i == start || s.i == colon+1 || c >= 0x80 {
				return "", false
			}
			return s.doc[start:s.i], true
		}
	}
	return "", false
}

// text reads character data up to the next '<': printable ASCII without
// '&', '>' or '\r' (which the general decoder would unescape or
// normalise) and tabs and newlines.
func (s *fastScanner) text() (string, bool) {
	start := s.i
	for ; s.i < len(s.doc) && s.doc[s.i] != '<'; s.i++ {
		if c := s.doc[s.i]; c == '&' || c == '>' || c > 0x7e || (c < 0x20 && c != '\t' && c != '\n') {
			return "", false
		}
	}
	return s.doc[start:s.i], s.i < len(s.doc)
}

// value reads a quoted attribute value of printable ASCII without '&' or
// '<'.
func (s *fastScanner) value() (string, bool) {
	if s.i >= len(s.doc) || (s.doc[s.i] != '"' && s.doc[s.i] != '\'') {
		return "", false
	}
	q := s.doc[s.i]
	s.i++
	start := s.i
	for ; s.i < len(s.doc) && s.doc[s.i] != q; s.i++ {
		if c := s.doc[s.i]; c == '&' || c == '<' || c < 0x20 || c > 0x7e {
			return "", false
		}
	}
	if s.i >= len(s.doc) {
		return "", false
	}
	s.i++
	return s.doc[start : s.i-1], true
}

// attrs reads attributes up to the end of a tag (closing, "/>" or "?>"),
// into a buffer the next tag reuses.
func (s *fastScanner) attrs(closing byte) (attrs []xml.Attr, empty, ok bool) {
	attrs = s.attrBuf[:0]
	defer func() { s.attrBuf = attrs[:0] }()
	for {
		s.space()
		if s.i+1 < len(s.doc) && s.doc[s.i] == closing && s.doc[s.i+1] == '>' {
			s.i += 2
			return attrs, true, true
		}
		if closing == '/' && s.i < len(s.doc) && s.doc[s.i] == '>' {
			s.i++
			return attrs, false, true
		}
		n, ok := s.name()
		if !ok {
			return nil, false, false
		}
		s.space()
		if s.i >= len(s.doc) || s.doc[s.i] != '=' {
			return nil, false, false
		}
		s.i++
		s.space()
		v, ok := s.value()
		if !ok {
			return nil, false, false
		}
		prefix, local, _ := strings.Cut(n, ":")
		if local == "" {
			prefix, local = "", prefix
		}
		attrs = append(attrs, xml.Attr{Name: xml.Name{Space: prefix, Local: local}, Value: v})
	}
}

// tag reads the tag at '<', declaring a start tag's namespaces.
func (s *fastScanner) tag() (rawTag, bool) {
	s.i++ // '<'
	if s.i < len(s.doc) && s.doc[s.i] == '/' {
		s.i++
		n, ok := s.name()
		s.space()
		if !ok || s.i >= len(s.doc) || s.doc[s.i] != '>' || len(s.open) == 0 || s.open[len(s.open)-1] != n {
			return rawTag{}, false
		}
		s.i++
		s.open = s.open[:len(s.open)-1]
		s.ns = s.ns[:s.marks[len(s.marks)-1]]
		s.marks = s.marks[:len(s.marks)-1]
		return rawTag{name: n, end: true}, true
	}
	n, ok := s.name()
	if !ok {
		return rawTag{}, false
	}
	attrs, empty, ok := s.attrs('/')
	if !ok {
		return rawTag{}, false
	}
	s.marks = append(s.marks, len(s.ns))
	s.open = append(s.open, n)
	for _, a := range attrs {
		switch {
		case a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns":
			prefix := a.Name.Local
			if a.Name.Space == "" {
				prefix = ""
			}
			if a.Value == "" || prefix == "xml" || prefix == "xmlns" {
				return rawTag{}, false
			}
			s.ns = append(s.ns, xml.Attr{Name: xml.Name{Local: prefix}, Value: a.Value})
		}
	}
	return rawTag{name: n, attrs: attrs, empty: empty}, true
}

// closeEmpty ends a self-closing element as its end tag would.
func (s *fastScanner) closeEmpty() {
	s.open = s.open[:len(s.open)-1]
	s.ns = s.ns[:s.marks[len(s.marks)-1]]
	s.marks = s.marks[:len(s.marks)-1]
}

// localName is a raw name's local part.
func localName(raw string) string {
	if _, local, found := strings.Cut(raw, ":"); found {
		return local
	}
	return raw
}

// lookup finds a prefix's namespace.
func (s *fastScanner) lookup(prefix string) (string, bool) {
	for i := len(s.ns) - 1; i >= 0; i-- {
		if s.ns[i].Name.Local == prefix {
			return s.ns[i].Value, true
		}
	}
	return "", false
}

// element is a start tag's name as encoding/xml translates it; false for
// a prefix it does not resolve the way the fast path expects (xml, xmlns,
// an unbound one).
func (s *fastScanner) element(raw string) (xml.Name, bool) {
	prefix, local, found := strings.Cut(raw, ":")
	if !found {
		prefix, local = "", raw
	}
	if prefix == "xml" || prefix == "xmlns" {
		return xml.Name{}, false
	}
	uri, ok := s.lookup(prefix)
	if !ok && prefix != "" {
		return xml.Name{}, false
	}
	return xml.Name{Space: uri, Local: local}, true
}

// next skips whitespace and reads the next tag.
func (s *fastScanner) next() (rawTag, bool) {
	s.space()
	if s.i >= len(s.doc) || s.doc[s.i] != '<' {
		return rawTag{}, false
	}
	return s.tag()
}

// prolog reads an optional XML declaration of version 1.0 in UTF-8.
func (s *fastScanner) prolog() bool {
	s.space()
	if !strings.HasPrefix(s.doc[s.i:], "<?xml") {
		return true
	}
	s.i += 5
	if s.i >= len(s.doc) || !isSpace(s.doc[s.i]) {
		return false
	}
	attrs, _, ok := s.attrs('?')
	if !ok {
		return false
	}
	var seen [3]bool
	for _, a := range attrs {
		k := -1
		switch a.Name.Local {
		case "version":
			k, ok = 0, a.Value == "1.0"
		case "encoding":
			k, ok = 1, strings.EqualFold(a.Value, "utf-8")
		case "standalone":
			k, ok = 2, a.Value == "yes" || a.Value == "no"
		}
		if k < 0 || !ok || a.Name.Space != "" || seen[k] {
			return false
		}
		seen[k] = true
	}
	return true
}

// fastGetDelegate reads doc as findOperation and decodeDelegateReq would,
// or reports false (see above).
func (v *serverVersion) fastGetDelegate(doc []byte) (fastRequest, bool) {
	var fr fastRequest
	var s fastScanner
	s.doc, s.ns, s.marks, s.open, s.attrBuf = string(doc), s.nsRoom[:0], s.marksRoom[:0], s.openRoom[:0], s.attrRoom[:0]
	if !s.prolog() {
		return fr, false
	}
	// The envelope and its header, up to the operation.
	for inBody := false; ; {
		t, ok := s.next()
		if !ok || t.end && (inBody || len(s.open) == 0) {
			return fr, false
		}
		if t.end {
			continue
		}
		depth, local := len(s.open)-1, localName(t.name)
		name, ok := s.element(t.name)
		switch {
		case depth == 0 && (!ok || name.Space != NSSoap || name.Local != "Envelope" || t.empty):
			return fr, false
		case local == "ExchangeImpersonation":
			return fr, false
		case local == "RequestServerVersion" && !inBody:
			fr.asked = attr(t.attrs, "Version")
			if !v.accepts[fr.asked] {
				return fr, false
			}
		case inBody:
			if !ok || name.Space != NSMessages || name.Local != "GetDelegate" || t.empty {
				return fr, false
			}
			fr.op = xml.StartElement{Name: name, Attr: append([]xml.Attr(nil), t.attrs...)}
			for _, a := range t.attrs {
				if a.Name.Space != "" || a.Name.Local == "xmlns" {
					return fr, false
				}
			}
			return fr, s.getDelegate(&fr.req)
		case depth == 1 && ok && name.Space == NSSoap && name.Local == "Body":
			inBody = !t.empty
			if t.empty {
				return fr, false // an empty Body holds no operation
			}
		}
		if t.empty {
			s.closeEmpty()
		}
		if !inBody && !t.empty {
			if text, ok := s.text(); !ok || strings.TrimLeft(text, " \t\n") != "" && !textHeld(&s) {
				return fr, false
			}
		}
	}
}

// textHeld reports whether the text just read is the content of a header
// element that holds only text (e.g. MailboxCulture): the next tag must
// close it.
func textHeld(s *fastScanner) bool {
	return len(s.open) > 2 && strings.HasPrefix(s.doc[s.i:], "</"+s.open[len(s.open)-1]+">")
}

// getDelegate reads the operation's content into req: a Mailbox (see
// fields) and at most one UserIds of UserId elements, each
// child of them at most once, in any order; whitespace between.
func (s *fastScanner) getDelegate(req *delegateReq) bool {
	depth, userIDs := len(s.open), false
	for {
		t, ok := s.next()
		switch {
		case !ok:
			return false
		case t.end:
			return len(s.open) == depth-1 && req.Mailbox != nil
		}
		switch local := localName(t.name); {
		case local == "Mailbox" && req.Mailbox == nil:
			req.Mailbox = &mailboxEl{}
			if t.empty {
				s.closeEmpty()
				continue
			}
			fields, ok := s.fields("EmailAddress")
			if !ok {
				return false
			}
			req.Mailbox.EmailAddress = fields[0]
		case local == "UserIds" && !userIDs:
			userIDs = true
			if t.empty {
				s.closeEmpty()
				continue
			}
			for {
				u, ok := s.next()
				if !ok {
					return false
				}
				if u.end {
					break
				}
				if localName(u.name) != "UserId" {
					return false
				}
				if u.empty {
					s.closeEmpty()
					req.UserIDs = append(req.UserIDs, userIDEl{})
					continue
				}
				f, ok := s.fields("SID", "PrimarySmtpAddress", "DisplayName", "DistinguishedUser")
				if !ok {
					return false
				}
				req.UserIDs = append(req.UserIDs, userIDEl{SID: f[0], PrimarySmtpAddress: f[1], DisplayName: f[2], DistinguishedUser: f[3]})
			}
		default:
			return false
		}
	}
}

// fields reads the content of the element just opened: each of names at
// most once, as an element holding only text (empty when absent), and
// other elements holding only text, which the general decoder skips too
// (exchangelib's Mailbox has RoutingType and MailboxType); then the
// element's end.
func (s *fastScanner) fields(names ...string) (values [4]string, ok bool) {
	var seen [4]bool
	for {
		t, ok := s.next()
		if !ok {
			return values, false
		}
		if t.end {
			return values, true
		}
		local := localName(t.name)
		k := -1
		for j, n := range names {
			if n == local {
				k = j
			}
		}
		if k >= 0 && seen[k] {
			return values, false
		}
		if k >= 0 {
			seen[k] = true
		}
		if t.empty {
			s.closeEmpty()
			continue
		}
		v, ok := s.text()
		if !ok {
			return values, false
		}
		if e, ok := s.tag(); !ok || !e.end {
			return values, false
		}
		if k >= 0 {
			values[k] = v
		}
	}
}
