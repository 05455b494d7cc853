package harness_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/remote"
	"github.com/ucfake/ucfake/internal/wirekit"
)

// savedMarks reads a tenant's state file as it is on disk now.
func savedMarks(t *testing.T, dir, tenant string) (harness.Snapshot, map[string]bool) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, tenant+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var s harness.Snapshot
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	return s, wirekit.Marks(s)
}

// TestEveryAcknowledgedWriteIsOnDiskBeforeTheAnswer makes one write per
// protocol and, as soon as it is answered, reads the tenant's file: the
// write must already be there. A restart then restores all of it, desktop
// sessions included.
func TestEveryAcknowledgedWriteIsOnDiskBeforeTheAnswer(t *testing.T) {
	dir := t.TempDir()
	s, eps := serveAll(t, harness.TenantsOptions{StateDir: dir})
	ctl := &remote.Client{Base: "http://" + eps[harness.FaceControl]}
	ctx := context.Background()
	writes := []struct {
		mark  string
		write func() error
	}{
		{"item:ews-write", func() error {
			return (&wirekit.EWS{URL: "http://" + eps[harness.FaceEWS] + "/EWS/Exchange.asmx", User: "manager@contoso.com", Pass: pass}).CreateCalendarItem("ews-write")
		}},
		{"msg:imap-write", func() error {
			c, err := wirekit.DialIMAP(eps[harness.FaceIMAP], "manager@contoso.com", pass)
			if err != nil {
				return err
			}
			defer c.Close()
			_, err = c.AppendMessage("INBOX", "imap-write")
			return err
		}},
		{"conf:SIPWRITE1", func() error {
			c, err := wirekit.DialSIP(eps[harness.FaceSIP])
			if err != nil {
				return err
			}
			defer c.Close()
			return sipOK(c.AddConference("sip:manager@contoso.com", "SIPWRITE1"))
		}},
		{"policy:Tag:AdminWrite", func() error {
			return wirekit.Cmdlet("http://"+eps[harness.FaceAdmin], "New-CsClientPolicy", map[string]any{"Identity": "Tag:AdminWrite"})
		}},
		{"fault:ControlWrite", func() error { _, err := ctl.AddFault(ctx, api.Fault{Op: "ControlWrite", Code: "503"}); return err }},
		{"outlook:PC-MANAGER", func() error { return ctl.Outlook(ctx, "PC-MANAGER", "open") }},
		{"signedin:PC-MANAGER", func() error { return ctl.Lync(ctx, "PC-MANAGER", "signin") }},
	}
	for _, w := range writes {
		if err := w.write(); err != nil {
			t.Fatalf("%s: %v", w.mark, err)
		}
		if _, m := savedMarks(t, dir, "default"); !m[w.mark] {
			t.Fatalf("%s was acknowledged but is not on disk", w.mark)
		}
	}
	if err := wirekit.UCWAMeeting("http://"+eps[harness.FaceUCWA], "manager@contoso.com", pass, "ucwa-write"); err != nil {
		t.Fatal(err)
	}
	if snap, _ := savedMarks(t, dir, "default"); !hasSubject(snap, "ucwa-write") {
		t.Fatalf("the UCWA meeting was acknowledged but is not on disk: %+v", snap.Lync.Conferences)
	}
	s.Close()
	_, eps = serveAll(t, harness.TenantsOptions{StateDir: dir})
	ctl = &remote.Client{Base: "http://" + eps[harness.FaceControl]}
	pc, err := ctl.Computer(ctx, "PC-MANAGER")
	if err != nil || !pc.SignedIn || !pc.OutlookOpen {
		t.Fatalf("the desktop session was not restored: %+v %v", pc, err)
	}
	got := wirekit.Marks(snapshotOf(t, ctl))
	for _, w := range writes[:3] {
		if !got[w.mark] {
			t.Errorf("%s lost across a restart", w.mark)
		}
	}
}

func hasSubject(s harness.Snapshot, subject string) bool {
	for _, c := range s.Lync.Conferences {
		if strings.EqualFold(c.Subject, subject) {
			return true
		}
	}
	return false
}
