package conformance

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
)

// requireImapflow returns node, or skips (fails under CI=true) when node
// or the pinned imapflow is missing.
func requireImapflow(t *testing.T) string {
	node, err := exec.LookPath("node")
	_, modErr := os.Stat(filepath.Join("node_modules", "imapflow"))
	if err != nil || modErr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("node (%v) or node_modules (%v) missing: .ci/install.d/imapflow.sh installs them", err, modErr)
		}
		t.Skip("node or node_modules missing (npm ci in fakes/imap/conformance)")
	}
	return node
}

// TestImapflowConformance runs conformance.js with the unmodified npm
// package imapflow against the IMAP face of a kb000 world, answering the
// script's steps: "grant" gives the assistant FullAccess on the manager's
// mailbox, "invite" has the assistant schedule a meeting on the manager's
// behalf (through Outlook on the world's desktops) while the attendee's
// client idles.
func TestImapflowConformance(t *testing.T) {
	node := requireImapflow(t)
	w := harness.RunT(t, "kb000", harness.WithEndpoints())
	if _, err := w.Exchange().DeliverMessage("manager", exchange.Inbox,
		[]byte("From: attendee@contoso.com\r\nTo: manager@contoso.com\r\nSubject: For the manager's eyes\r\n\r\nhello\r\n"), nil); err != nil {
		t.Fatal(err)
	}
	steps := map[string]func() error{
		"grant":  func() error { return w.Exchange().GrantMailboxRight("manager", "assistant", exchange.FullAccess) },
		"invite": func() error { return scheduleOnBehalf(w) },
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "conformance.js")
	cmd.Env = append(os.Environ(), "UCFAKE_IMAP_ADDR="+w.Endpoints().IMAP, "UCFAKE_PASSWORD=Pa$$w0rd")
	out, err := runSteps(t, cmd, steps)
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("conformance.js: %v", err)
	}
}

// scheduleOnBehalf makes the assistant the manager's Outlook delegate and
// has the assistant send a meeting from the manager's calendar to the
// attendee.
func scheduleOnBehalf(w *harness.World) error {
	mgr, asst := w.Computer("PC-MANAGER").Outlook(), w.Computer("PC-ASSISTANT").Outlook()
	mgr.Open()
	dlg, err := mgr.DelegateAccess()
	if err == nil {
		err = dlg.Add("assistant")
	}
	if err == nil {
		err = dlg.OK()
	}
	if err != nil {
		return err
	}
	asst.Open()
	_, err = asst.NewMeeting("manager", desktop.Meeting{Subject: "Quarterly review", Attendees: []string{"attendee"}})
	return err
}

// runSteps runs cmd, answering each "STEP <name>" line of its output by
// running steps[name] and writing "GO" to its input; it returns the whole
// output.
func runSteps(t *testing.T, cmd *exec.Cmd, steps map[string]func() error) (string, error) {
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return "", err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return "", err
	}
	var out, errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		return "", err
	}
	defer func() { out.Write(errOut.Bytes()) }() // after Wait: stderr's copy is done
	scan := bufio.NewScanner(io.TeeReader(stdout, &out))
	for scan.Scan() {
		name, ok := strings.CutPrefix(scan.Text(), "STEP ")
		if !ok {
			continue
		}
		run := steps[name]
		if run == nil {
			err = fmt.Errorf("the script asked for an unknown step %q", name)
		} else if err = run(); err != nil {
			err = fmt.Errorf("step %s: %v", name, err)
		}
		if err != nil {
			cmd.Process.Kill()
			cmd.Wait()
			return out.String(), err
		}
		io.WriteString(stdin, "GO\n")
	}
	stdin.Close()
	err = cmd.Wait()
	return out.String(), err
}
