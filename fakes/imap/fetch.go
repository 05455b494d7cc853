package imap

import (
	"bytes"
	"sort"
	"strings"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// static replaces "*" (0) in a set by the highest number.
func static(set imap.NumSet, maxSeq uint32, maxUID imap.UID) imap.NumSet {
	fix := func(a, b *uint32, max uint32) {
		if *a == 0 {
			*a = max
		}
		if *b == 0 {
			*b = max
		}
		if *a > *b {
			*a, *b = *b, *a
		}
	}
	switch s := set.(type) {
	case imap.SeqSet:
		out := append(imap.SeqSet(nil), s...)
		for i := range out {
			fix(&out[i].Start, &out[i].Stop, maxSeq)
		}
		return out
	case imap.UIDSet:
		out := append(imap.UIDSet(nil), s...)
		for i := range out {
			fix((*uint32)(&out[i].Start), (*uint32)(&out[i].Stop), uint32(maxUID))
		}
		return out
	}
	return set
}

// each calls f for the messages of set, with their sequence numbers as
// this session knows them.
func (s *session) each(msgs []exchange.Message, set imap.NumSet, f func(seq uint32, m exchange.Message) error) error {
	maxUID := imap.UID(0)
	if len(msgs) > 0 {
		maxUID = imap.UID(msgs[len(msgs)-1].UID)
	}
	set = static(set, uint32(len(msgs)), maxUID)
	for i, m := range msgs {
		seq := s.tracker.EncodeSeqNum(uint32(i) + 1)
		if seq == 0 { // delivered since the client's last update: not yet its message
			continue
		}
		var in bool
		switch set := set.(type) {
		case imap.SeqSet:
			in = set.Contains(seq)
		case imap.UIDSet:
			in = set.Contains(imap.UID(m.UID))
		}
		if in {
			if err := f(seq, m); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *session) Fetch(w *imapserver.FetchWriter, set imap.NumSet, options *imap.FetchOptions) error {
	if err := s.fault("FETCH", s.user.SMTP); err != nil {
		return err
	}
	st, msgs, err := s.messages()
	if err != nil {
		return err
	}
	return s.each(msgs, set, func(seq uint32, m exchange.Message) error {
		return s.fetchOne(w.CreateMessage(seq), st, m, options)
	})
}

// fetchOne writes the items of one message a FETCH asks for.
func (s *session) fetchOne(w *imapserver.FetchResponseWriter, st *exchange.Store, m exchange.Message, o *imap.FetchOptions) error {
	w.WriteUID(imap.UID(m.UID))
	if o.Flags {
		w.WriteFlags(flagsOf(m.Flags))
	}
	if o.InternalDate {
		w.WriteInternalDate(m.Date)
	}
	if o.RFC822Size {
		w.WriteRFC822Size(int64(len(m.Raw)))
	}
	if o.Envelope {
		w.WriteEnvelope(s.srv.envs.get(st, m))
	}
	if o.BodyStructure != nil {
		w.WriteBodyStructure(imapserver.ExtractBodyStructure(bytes.NewReader(m.Raw)))
	}
	for _, bs := range o.BodySection {
		buf := imapserver.ExtractBodySection(bytes.NewReader(m.Raw), bs)
		wc := w.WriteBodySection(bs, int64(len(buf)))
		_, werr := wc.Write(buf)
		if cerr := wc.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return werr
		}
	}
	return w.Close()
}

func flagsOf(fs []string) []imap.Flag {
	out := make([]imap.Flag, 0, len(fs))
	for _, f := range fs {
		out = append(out, imap.Flag(f))
	}
	return out
}

func (s *session) Store(w *imapserver.FetchWriter, set imap.NumSet, flags *imap.StoreFlags, options *imap.StoreOptions) error {
	if err := s.fault("STORE", s.user.SMTP); err != nil {
		return err
	}
	if s.readOnly {
		return &imap.Error{Type: imap.StatusResponseTypeNo, Text: "The folder is read-only (EXAMINE)"}
	}
	st, msgs, err := s.messages()
	if err != nil {
		return err
	}
	err = s.each(msgs, set, func(seq uint32, m exchange.Message) error {
		next := applyFlags(m.Flags, flags)
		if err := st.SetFlags(s.user.SMTP, s.mailbox, s.folder, m.UID, next); err != nil {
			return wire(err)
		}
		if flags.Silent {
			return nil
		}
		rw := w.CreateMessage(seq)
		rw.WriteUID(imap.UID(m.UID))
		rw.WriteFlags(flagsOf(next))
		return rw.Close()
	})
	if cerr := s.commit(); err == nil {
		err = cerr
	}
	return err
}

// applyFlags returns the flags after a STORE.
func applyFlags(cur []string, f *imap.StoreFlags) []string {
	set := map[string]bool{}
	if f.Op != imap.StoreFlagsSet {
		for _, c := range cur {
			set[c] = true
		}
	}
	for _, fl := range f.Flags {
		set[string(fl)] = f.Op != imap.StoreFlagsDel
	}
	var out []string
	for k, on := range set {
		if on {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func (s *session) Expunge(_ *imapserver.ExpungeWriter, uids *imap.UIDSet) error {
	if err := s.fault("EXPUNGE", s.user.SMTP); err != nil {
		return err
	}
	if s.readOnly {
		return &imap.Error{Type: imap.StatusResponseTypeNo, Text: "The folder is read-only (EXAMINE)"}
	}
	st, msgs, err := s.messages()
	if err != nil {
		return err
	}
	if uids != nil { // UID EXPUNGE: only the given deleted messages
		return errNotSupported
	}
	gone, err := st.Expunge(s.user.SMTP, s.mailbox, s.folder)
	if err != nil {
		return wire(err)
	}
	var seqs []uint32
	for i := len(msgs) - 1; i >= 0; i-- {
		for _, g := range gone {
			if msgs[i].UID == g {
				seqs = append(seqs, uint32(i)+1)
			}
		}
	}
	// The trackers tell every session, this one included, on its next poll.
	s.srv.expunged(s.selected, seqs)
	return s.commit()
}

func (s *session) Search(kind imapserver.NumKind, c *imap.SearchCriteria, _ *imap.SearchOptions) (*imap.SearchData, error) {
	if err := s.fault("SEARCH", s.user.SMTP); err != nil {
		return nil, err
	}
	_, msgs, err := s.messages()
	if err != nil {
		return nil, err
	}
	var seqs imap.SeqSet
	var uids imap.UIDSet
	for i, m := range msgs {
		seq := s.tracker.EncodeSeqNum(uint32(i) + 1)
		if seq == 0 || !matches(m, seq, c, uint32(len(msgs))) {
			continue
		}
		seqs.AddNum(seq)
		uids.AddNum(imap.UID(m.UID))
	}
	data := &imap.SearchData{All: seqs}
	if kind == imapserver.NumKindUID {
		data.All = uids
	}
	return data, nil
}

// matches evaluates the criteria ucfake supports: sequence and UID sets,
// flags, dates, sizes, header fields, body and text substrings, NOT and
// OR (MODSEQ needs CONDSTORE, which is not advertised).
func matches(m exchange.Message, seq uint32, c *imap.SearchCriteria, max uint32) bool {
	if !matchesDatesAndSize(m, c) {
		return false
	}
	for _, set := range c.SeqNum {
		if st := static(set, max, 0).(imap.SeqSet); !st.Contains(seq) {
			return false
		}
	}
	for _, set := range c.UID {
		if !set.Contains(imap.UID(m.UID)) {
			return false
		}
	}
	for _, f := range c.Flag {
		if !hasFlag(m.Flags, string(f)) {
			return false
		}
	}
	for _, f := range c.NotFlag {
		if hasFlag(m.Flags, string(f)) {
			return false
		}
	}
	h := header(m.Raw)
	for _, hf := range c.Header {
		if !strings.Contains(strings.ToLower(h.Get(hf.Key)), strings.ToLower(hf.Value)) {
			return false
		}
	}
	for _, t := range append(append([]string(nil), c.Body...), c.Text...) {
		if !bytes.Contains(bytes.ToLower(m.Raw), []byte(strings.ToLower(t))) {
			return false
		}
	}
	for _, n := range c.Not {
		if matches(m, seq, &n, max) {
			return false
		}
	}
	for _, or := range c.Or {
		if !matches(m, seq, &or[0], max) && !matches(m, seq, &or[1], max) {
			return false
		}
	}
	return true
}
