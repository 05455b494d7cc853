package console

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// ArtefactsEnv names the directory where the browser test keeps its
// screenshots (default: the test's temporary directory).
const ArtefactsEnv = "UCFAKE_TEST_ARTEFACTS"

// browserPath finds Debian's chromium (or UCFAKE_CHROME).
func browserPath() string {
	if p := os.Getenv("UCFAKE_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts headless chromium for a test: no sandbox, no GPU, a fresh
// profile, no background traffic and every host name but the loopback
// unresolvable, so that the only traffic is to 127.0.0.1. Without a
// browser the test skips, except under CI=true, where it fails.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := browserPath()
	if path == "" {
		msg := "no chromium on PATH: apt-get install chromium (.ci/install.d/chromium.sh), or set UCFAKE_CHROME"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1500, 1800),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true), chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("disable-extensions", true), chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1")}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	return ctx
}

// artefacts is where screenshots go.
func artefacts(t *testing.T) string {
	dir := os.Getenv(ArtefactsEnv)
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// player clicks through the console as a person would.
type player struct {
	t   *testing.T
	ctx context.Context
	dir string
}

func q(test string) string { return fmt.Sprintf(`[data-test=%q]`, test) }

func (p *player) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		p.t.Fatalf("%s: %v", what, err)
	}
}

// click presses a button and waits until the page has been fetched again.
func (p *player) click(test string) {
	p.t.Helper()
	stamp, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](`document.body.dataset.refreshed || ""`))
	if err != nil {
		p.t.Fatalf("click %s: %v", test, err)
	}
	p.do("click "+test, chromedp.Click(chromedp.CSS(q(test))))
	p.expect("the page after "+test, fmt.Sprintf(`(document.body.dataset.refreshed || "") !== %q`, stamp))
}

func (p *player) choose(test, value string) {
	p.t.Helper()
	p.do("choose "+value+" in "+test, chromedp.SetValue(chromedp.CSS(q(test)), value))
}

// expect waits until a JavaScript condition on the page holds.
func (p *player) expect(what, js string) {
	p.t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		p.t.Fatalf("%s: %v", what, err)
	}
}

func (p *player) screenshot(name string) {
	p.t.Helper()
	png, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		p.t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(p.dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		p.t.Fatal(err)
	}
	p.t.Logf("screenshot %s (%d bytes)", path, len(png))
}

const (
	mgrSIP  = "sip:manager@contoso.com"
	asstSIP = "sip:assistant@contoso.com"
)

// TestBrowserPlaysKBIssue1 plays seed 000's Issue 1 in a real browser by
// clicking: both clients open, the manager's next configuration
// interrupted, the delegate added in Outlook, ten minutes; the add-in's
// error, the missing record in the picture and the doctor's finding on the
// page; then the KB's resolution step by step, and the working state.
func TestBrowserPlaysKBIssue1(t *testing.T) {
	start := time.Now()
	ctx := browser(t)
	s, base := serveConsole(t, "kb000")
	p := &player{t: t, ctx: ctx, dir: artefacts(t)}
	p.do("open the console", chromedp.Navigate(base+"/_ucfake/ui/"), chromedp.WaitVisible(chromedp.CSS(q("tenant"))),
		chromedp.Click(chromedp.CSS("#live-on")))
	for _, pc := range []string{"PC-MANAGER", "PC-ASSISTANT"} {
		p.click("outlook-open-" + pc)
		p.click("signin-" + pc)
	}
	p.click("interrupt-PC-MANAGER")
	p.choose("delegate-user-PC-MANAGER", asstSIP)
	p.click("delegate-add-PC-MANAGER")
	p.click("advance-10m")
	p.choose("meeting-owner-PC-ASSISTANT", mgrSIP)
	p.click("meeting-PC-ASSISTANT")

	p.expect("the add-in's permissions error", `[...document.querySelectorAll('[data-test="addin"][data-kind="error"]')].some(r => r.textContent.includes("You do not have permissions to schedule Lync Meetings on behalf of the owner of this account."))`)
	p.expect("the missing record in the picture", `document.querySelector('[data-test="graph"] [data-id="record"]').dataset.ok === "false"`)
	p.expect("the manager's Delegates group lists the delegate", `!!document.querySelector('[data-name="PC-MANAGER"] [data-group="Delegates"] [data-member="`+asstSIP+`"]')`)
	p.expect("no People I Manage Calls For on the delegate's computer", `!document.querySelector('[data-name="PC-ASSISTANT"] [data-test="group"]')`)
	p.expect("the doctor names Issue 1, verified", `(() => { const f = document.querySelector('[data-test="finding"]'); return f && f.dataset.cause === "timing-issue" && !!f.querySelector('[data-test="verified"]'); })()`)
	p.screenshot("kb-issue1-broken.png")

	// The KB's Issue 1 resolution, on the manager's computer.
	p.click("remove-PC-MANAGER-" + asstSIP) // steps 1-2
	p.click("advance-5m")                   // step 3
	p.click("exit-PC-MANAGER")              // steps 4-5
	p.click("outlook-open-PC-MANAGER")      // step 6
	p.choose("delegate-user-PC-MANAGER", asstSIP)
	p.click("delegate-remove-PC-MANAGER") // steps 7-10
	p.click("signin-PC-MANAGER")          // step 11
	p.choose("delegate-user-PC-MANAGER", asstSIP)
	p.click("delegate-add-PC-MANAGER") // steps 12-16
	p.click("advance-10m")
	p.choose("meeting-owner-PC-ASSISTANT", mgrSIP)
	p.click("meeting-PC-ASSISTANT")

	p.expect("the meeting is scheduled", `document.querySelector('[data-test="addin"]').dataset.kind === "success"`)
	p.expect("the picture has no broken link left", `document.querySelectorAll('[data-test="graph"] .link.broken').length === 0`)
	p.expect("the pair works", `document.querySelector('[data-test="pair-state"]').textContent === "working"`)
	p.expect("the delegate's People I Manage Calls For lists the manager", `!!document.querySelector('[data-name="PC-ASSISTANT"] [data-group="People I Manage Calls For"] [data-member="`+mgrSIP+`"]')`)
	p.expect("the banner", `[...document.querySelectorAll('[data-name="PC-ASSISTANT"] [data-test="banner"]')].some(b => b.textContent.includes("You were added as a delegate for Megan Manager"))`)
	p.screenshot("kb-issue1-resolved.png")

	// Live: a change made outside the page shows up by itself.
	w, err := s.Tenants().Get("")
	if err != nil {
		t.Fatal(err)
	}
	p.do("turn live on", chromedp.Click(chromedp.CSS("#live-on")))
	if err := w.SetMAPI("PC-ASSISTANT", false); err != nil {
		t.Fatal(err)
	}
	p.expect("the live page shows the MAPI switch", `!!document.querySelector('[data-test="mapi-on-PC-ASSISTANT"]')`)
	t.Logf("browser test took %s", time.Since(start).Round(time.Millisecond))
}
