package imap

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/emersion/go-imap/v2"
)

// readCommand reads one command: its lines and the literals they
// announce, asking for each synchronizing literal itself ("+"), except an
// APPEND's message, where it stops. A literal it will not take is refused
// (r); err is a read failure.
func (f *frontConn) readCommand() (cmd *command, r *refusal, err error) {
	cmd = &command{}
	for budget := MaxCommandLine; ; {
		raw, err := f.readLine(budget)
		if err != nil {
			return nil, nil, err
		}
		budget -= len(raw)
		seg, err := parseSegment(raw)
		if len(cmd.segs) == 0 {
			cmd.head(seg)
		}
		if err != nil {
			return nil, clientBug(cmd.tag, "%v", err), nil // the literal's size is unreadable: so is the rest
		}
		if seg.lit == nil || cmd.isAppendMessage(seg) {
			cmd.segs = append(cmd.segs, seg)
			return cmd, nil, nil
		}
		if r := f.acceptLiteral(cmd, seg.lit, budget); r != nil {
			return nil, r, nil
		}
		budget -= int(seg.lit.size)
		seg.lit.data = make([]byte, seg.lit.size)
		if _, err := io.ReadFull(f.br, seg.lit.data); err != nil {
			return nil, nil, err
		}
		cmd.segs = append(cmd.segs, seg)
	}
}

// acceptLiteral refuses a literal over MaxLiteral, or over what is left
// of the command's MaxCommandLine (NO [TOOBIG], or BAD and BYE for a
// non-synchronizing one, already on its way) and asks for a synchronizing
// one.
func (f *frontConn) acceptLiteral(cmd *command, lit *literal, budget int) *refusal {
	switch {
	case lit.size > MaxLiteral && lit.nonSync:
		return nonSyncTooBig(cmd.tag)
	case lit.size > MaxLiteral:
		return &refusal{tag: cmd.tag, typ: imap.StatusResponseTypeNo, code: imap.ResponseCodeTooBig,
			text: fmt.Sprintf("Literals are limited to %d bytes for %s", MaxLiteral, cmd.name)}
	case lit.size > int64(budget):
		r := &refusal{tag: cmd.tag, typ: imap.StatusResponseTypeNo, code: imap.ResponseCodeTooBig, bye: lit.nonSync,
			text: fmt.Sprintf("%s is larger than %d bytes with its literals", cmd.name, MaxCommandLine)}
		return r
	case !lit.nonSync:
		if err := f.say("+ Ready for literal data\r\n"); err != nil {
			return &refusal{bye: true, typ: imap.StatusResponseTypeBye, text: err.Error()}
		}
	}
	return nil
}

// readLine reads one line with its line end, refusing lines longer than
// limit.
func (f *frontConn) readLine(limit int) ([]byte, error) {
	var line []byte
	for {
		chunk, err := f.br.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > limit {
			return nil, errLineTooLong
		}
		switch {
		case err == nil:
			return line, nil
		case !errors.Is(err, bufio.ErrBufferFull):
			return nil, err
		}
	}
}
