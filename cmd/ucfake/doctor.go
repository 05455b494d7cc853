package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fakes/tenant"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/diagnose"
	"github.com/ucfake/ucfake/harness/doctor"
	"github.com/ucfake/ucfake/harness/doctor/exports"
)

// The doctor's exit codes.
const (
	doctorWorking = 0 // every pair works
	doctorBroken  = 1 // a pair is broken (the findings say why)
	doctorUsage   = 2 // bad arguments or unreadable input
)

// doctorMain is `ucfake doctor [flags] FILE...`: it names the cause of a
// broken delegation in a state file, a fixture, a running tenant (--url) or
// an administrator's exports, and verifies the resolution on a copy.
func doctorMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ucfake doctor", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the report as JSON (the body of POST /_ucfake/doctor)")
	noVerify := fs.Bool("no-verify", false, "do not replay the resolutions")
	url := fs.String("url", "", "examine a running server's tenant: its control plane `URL`, e.g. http://127.0.0.1:7780")
	tenantName := fs.String("tenant", tenant.Default, "with --url, the tenant to examine")
	pair := fs.String("pair", "", "only this pair: `manager,delegate` (any names the directory resolves)")
	fs.Usage = func() {
		fmt.Fprint(stderr, doctorUsageText)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return doctorWorking
		}
		return doctorUsage
	}
	rep, err := runDoctor(fs.Args(), *url, *tenantName, doctor.Options{NoVerify: *noVerify}, *pair)
	if err != nil {
		fmt.Fprintln(stderr, "ucfake doctor:", err)
		return doctorUsage
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(rep)
	} else {
		io.WriteString(stdout, doctor.Text(rep))
	}
	for _, p := range rep.Pairs {
		if !p.Working {
			return doctorBroken
		}
	}
	return doctorWorking
}

const doctorUsageText = `Usage: ucfake doctor [flags] FILE...

Names the documents' cause of every broken manager–delegate delegation, with
its catalogue ids, evidence and numbered resolution, and replays that
resolution on a copy with the simulated desktops to verify it.

FILE is one of:
  a state file (GET /_ucfake/state, or a --state-dir tenant file), or a
  fixture (.yaml): the world it holds is examined;
  exports from a real deployment, any number, recognised by content:
  Get-CsUser, Get-CsClientPolicy, Get-CsVoicePolicy (Format-List),
  SEFAUtil's display, Get-MailboxFolderPermission, Get-MailboxPermission,
  Get-RecipientPermission (Format-Table), Get-Mailbox GrantSendOnBehalfTo,
  reg export of the Lync key (NAME.reg, NAME = the computer) and the Lync
  client's Configuration Information (NAME.txt). See docs/doctor.md.

Exit status: 0 every pair works, 1 a pair is broken, 2 bad input.

Flags:
`

// runDoctor examines the world the arguments name.
func runDoctor(files []string, url, tenantName string, o doctor.Options, pair string) (api.DoctorReport, error) {
	if pair != "" {
		m, d, ok := strings.Cut(pair, ",")
		if !ok || m == "" || d == "" {
			return api.DoctorReport{}, fmt.Errorf("--pair wants manager,delegate, got %q", pair)
		}
		o.Pairs = []diagnose.PairID{{Manager: m, Delegate: d}}
	}
	switch {
	case url != "" && len(files) > 0:
		return api.DoctorReport{}, fmt.Errorf("give --url or files, not both")
	case url != "":
		s, err := fetchState(url, tenantName)
		if err != nil {
			return api.DoctorReport{}, err
		}
		return diagnoseSnapshot(s, o)
	case len(files) == 0:
		return api.DoctorReport{}, fmt.Errorf("no files (ucfake doctor --help)")
	}
	if len(files) == 1 && isWorldFile(files[0]) {
		return diagnoseWorldFile(files[0], o)
	}
	var in []exports.File
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			return api.DoctorReport{}, err
		}
		in = append(in, exports.File{Name: name, Data: data})
	}
	return doctor.DiagnoseFiles(in, o)
}

// isWorldFile reports whether a file holds a world: a fixture or a state file.
func isWorldFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".yaml" || ext == ".yml" {
		return true
	}
	data, err := os.ReadFile(name)
	return err == nil && ext == ".json" && strings.HasPrefix(strings.TrimSpace(string(data)), "{")
}

func diagnoseWorldFile(name string, o doctor.Options) (api.DoctorReport, error) {
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".yaml" || ext == ".yml" {
		w, err := harness.Load(name)
		if err != nil {
			return api.DoctorReport{}, err
		}
		defer w.Close()
		return doctor.Diagnose(w, o), nil
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return api.DoctorReport{}, err
	}
	var s harness.Snapshot
	if err := json.Unmarshal(data, &s); err != nil {
		return api.DoctorReport{}, fmt.Errorf("%s: want a state file (GET /_ucfake/state): %v", name, err)
	}
	return diagnoseSnapshot(s, o)
}

func diagnoseSnapshot(s harness.Snapshot, o doctor.Options) (api.DoctorReport, error) {
	w := harness.New(s.Domain)
	defer w.Close()
	if err := w.Import(s); err != nil {
		return api.DoctorReport{}, err
	}
	return doctor.Diagnose(w, o), nil
}

// fetchState reads a running tenant's state over its control plane.
func fetchState(url, tenantName string) (harness.Snapshot, error) {
	req, err := http.NewRequest(http.MethodGet, strings.TrimRight(url, "/")+"/_ucfake/state", nil)
	if err != nil {
		return harness.Snapshot{}, err
	}
	req.Header.Set(tenant.Header, tenantName)
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
	if err != nil {
		return harness.Snapshot{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		return harness.Snapshot{}, fmt.Errorf("GET /_ucfake/state of tenant %q: %s: %s", tenantName, resp.Status, strings.TrimSpace(string(body)))
	}
	var s harness.Snapshot
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
		return harness.Snapshot{}, fmt.Errorf("GET /_ucfake/state: %w", err)
	}
	return s, nil
}
