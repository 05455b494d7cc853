package lyncadmin

import (
	"strconv"
	"strings"

	"github.com/ucfake/ucfake/fakes/lync"
)

// sefaOp is one delegate switch of a SEFAUtil command line.
type sefaOp struct {
	add  bool
	addr string
}

// sefaCommand is a parsed SEFAUtil command line.
type sefaCommand struct {
	server  string
	target  string
	ops     []sefaOp
	ringing *lync.Ringing // nil: unchanged
}

// parseSEFAUtil parses the arguments. Arguments are also split on blanks,
// so a whole command line in one string works, and a leading
// "SEFAUtil.exe" is skipped. Errors: ErrSEFAUtilUsage naming the problem.
func parseSEFAUtil(args []string) (sefaCommand, error) {
	var cmd sefaCommand
	var words []string
	for _, a := range args {
		words = append(words, strings.Fields(a)...)
	}
	if len(words) > 0 && strings.EqualFold(strings.TrimSuffix(strings.ToLower(words[0]), ".exe"), "sefautil") {
		words = words[1:]
	}
	for _, w := range words {
		if err := cmd.take(w); err != nil {
			return sefaCommand{}, err
		}
	}
	if cmd.server == "" {
		return sefaCommand{}, ErrSEFAUtilUsage.with("missing required switch /server:<Pool FQDN>")
	}
	if cmd.target == "" {
		return sefaCommand{}, ErrSEFAUtilUsage.with("missing target user SIP address")
	}
	return cmd, nil
}

// take adds one word of the command line to cmd.
func (cmd *sefaCommand) take(w string) error {
	if !strings.HasPrefix(w, "/") {
		if cmd.target != "" {
			return ErrSEFAUtilUsage.with("more than one target user: %q and %q", cmd.target, w)
		}
		cmd.target = w
		return nil
	}
	name, value, hasValue := strings.Cut(w[1:], ":")
	name = strings.ToLower(name)
	switch name {
	case "server", "adddelegate", "removedelegate", "delayringdelegates":
		if !hasValue || value == "" {
			return ErrSEFAUtilUsage.with("switch /%s needs a value", name)
		}
	case "simulringdelegates", "fwdtodelegates":
		if hasValue {
			return ErrSEFAUtilUsage.with("switch /%s takes no value", name)
		}
	default:
		return ErrSEFAUtilUsage.with("unknown or unsupported switch %q", w)
	}
	return cmd.apply(name, value)
}

// apply records a validated switch.
func (cmd *sefaCommand) apply(name, value string) error {
	switch name {
	case "server":
		cmd.server = value
	case "adddelegate", "removedelegate":
		cmd.ops = append(cmd.ops, sefaOp{add: name == "adddelegate", addr: value})
	case "simulringdelegates":
		cmd.ringing = &lync.Ringing{Mode: lync.RingSimultaneous}
	case "fwdtodelegates":
		cmd.ringing = &lync.Ringing{Mode: lync.RingForward}
	case "delayringdelegates":
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 || n > lync.MaxDelaySeconds {
			return ErrSEFAUtilUsage.with("/delayringdelegates:%s: the delay must be 0 to %d seconds", value, lync.MaxDelaySeconds)
		}
		cmd.ringing = &lync.Ringing{Mode: lync.RingDelayed, DelaySeconds: n}
	}
	return nil
}
