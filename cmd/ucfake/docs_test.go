package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/harness"
)

// readmeCommands returns the flags of every `go run ./cmd/ucfake` line of
// the README, in order: the first starts the default organisation, the
// one with --fixture kb000 serves docs/server.md's examples.
func readmeCommands(t *testing.T) [][]string {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "go run ./cmd/ucfake"); ok {
			rest, _, _ = strings.Cut(rest, "#")
			out = append(out, strings.Fields(rest))
		}
	}
	if len(out) == 0 {
		t.Fatal("the README has no go run ./cmd/ucfake line")
	}
	return out
}

// readmeExamplesCommand returns the flags of the README's command for the
// docs' examples: its go run line that names a fixture.
func readmeExamplesCommand(t *testing.T) []string {
	t.Helper()
	for _, args := range readmeCommands(t) {
		if slices.Contains(args, "--fixture") {
			return args
		}
	}
	t.Fatal("the README has no go run ./cmd/ucfake --fixture line for the docs' examples")
	return nil
}

// TestTheReadmesFirstCommandServesTheDefaultOrganisation parses the README's
// first go run line: it names no fixture, so the server starts on the
// embedded default organisation (seed 003's User20 among its users) on
// the documented control port.
func TestTheReadmesFirstCommandServesTheDefaultOrganisation(t *testing.T) {
	first := readmeCommands(t)[0]
	c, err := parse(first, noEnv, io.Discard)
	if err != nil {
		t.Fatalf("the README's first command: %v", err)
	}
	if c.fixture != "default" || c.addrs[harness.FaceControl] != "127.0.0.1:7780" {
		t.Fatalf("the first command starts fixture %q with the control plane on %q", c.fixture, c.addrs[harness.FaceControl])
	}
	for face := range c.addrs {
		c.addrs[face] = "off"
	}
	c.addrs[harness.FaceControl] = "127.0.0.1:0"
	srv, err := harness.Serve(serveOptions(c, slog.New(slog.DiscardHandler)))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	resp, err := http.Get("http://" + srv.Endpoints()[0].Addr + "/_ucfake/users")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.Contains(string(body), "user20@contoso.com") {
		t.Fatalf("GET /_ucfake/users: %d %s", resp.StatusCode, body)
	}
}

// curlLines returns the curl lines of a Markdown file's sh blocks.
func curlLines(t *testing.T, file string) []string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	inSh := false
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "```"):
			inSh = !inSh && strings.TrimSpace(line) == "```sh"
		case inSh && strings.HasPrefix(line, "curl "):
			out = append(out, line)
		}
	}
	return out
}

// TestTheDocsCurlLinesWorkAgainstTheReadmesExamplesCommand starts the server
// as the README's examples command does (on free ports) and runs every curl
// line of docs/server.md in order, with curl when it is installed and
// parsed into Go requests always (each on a server of its own): each must
// answer without an error.
func TestTheDocsCurlLinesWorkAgainstTheReadmesExamplesCommand(t *testing.T) {
	if curl, err := exec.LookPath("curl"); err == nil {
		t.Run("curl", func(t *testing.T) { playDocs(t, curl) })
	}
	t.Run("net/http", func(t *testing.T) { playDocs(t, "") })
}

// playDocs runs the docs' curl lines against a server of the README's
// examples command, with curl (its path) or net/http ("").
func playDocs(t *testing.T, curl string) {
	args := append(readmeExamplesCommand(t), "--control-addr", "127.0.0.1:0", "--ews-addr", "off", "--imap-addr", "off", "--sip-addr", "off",
		"--ucwa-addr", "off", "--admin-addr", "off")
	c, err := parse(args, noEnv, io.Discard)
	if err != nil {
		t.Fatalf("the README's examples command: %v", err)
	}
	srv, err := harness.Serve(serveOptions(c, slog.New(slog.DiscardHandler)))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	_, port, _ := strings.Cut(srv.Endpoints()[0].Addr, ":")
	lines := curlLines(t, "../../docs/server.md")
	if len(lines) < 5 {
		t.Fatalf("docs/server.md has %d curl lines", len(lines))
	}
	for _, line := range lines {
		line = strings.NewReplacer("localhost:7780", "localhost:"+port, "127.0.0.1:7780", "127.0.0.1:"+port).Replace(line)
		var body []byte
		if curl != "" {
			body, err = exec.Command("bash", "-c", line).Output()
		} else {
			body, err = runCurlLine(line)
		}
		if err != nil || !answered(body) {
			t.Errorf("%s: %v %s", line, err, body)
		}
	}
}

// answered reports whether a curl line's output is JSON that is no error.
func answered(body []byte) bool {
	var v any
	if json.Unmarshal(body, &v) != nil {
		return false
	}
	m, isObject := v.(map[string]any)
	return !isObject || m["error"] == nil
}

// runCurlLine performs a curl line of the docs' kind (-s, -X, -H, --json,
// -d, a URL) with net/http, for machines without curl.
func runCurlLine(line string) ([]byte, error) {
	words, err := shellWords(strings.TrimPrefix(line, "curl "))
	if err != nil {
		return nil, err
	}
	method, url, hdr := "", "", http.Header{}
	var body []byte
	for i := 0; i < len(words); i++ {
		switch w := words[i]; w {
		case "-s":
		case "-X":
			i++
			method = words[i]
		case "-H":
			i++
			k, v, _ := strings.Cut(words[i], ":")
			hdr.Set(k, strings.TrimSpace(v))
		case "--json":
			i++
			body = []byte(words[i])
			hdr.Set("Content-Type", "application/json")
		case "-d":
			i++
			body = []byte(words[i])
			hdr.Set("Content-Type", "application/x-www-form-urlencoded")
		default:
			if strings.HasPrefix(w, "-") {
				return nil, fmt.Errorf("the docs' curl lines use no %s", w)
			}
			url = w
		}
	}
	if method == "" {
		method = map[bool]string{true: "POST", false: "GET"}[body != nil]
	}
	if !strings.Contains(url, "://") {
		url = "http://" + url
	}
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header = hdr
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// shellWords splits a line as a POSIX shell does for plain words and
// single-quoted strings (all the docs use).
func shellWords(s string) ([]string, error) {
	var out []string
	var cur strings.Builder
	inWord, quoted := false, false
	for _, r := range s {
		switch {
		case quoted && r == '\'':
			quoted = false
		case quoted:
			cur.WriteRune(r)
		case r == '\'':
			quoted, inWord = true, true
		case r == ' ' || r == '\t':
			if inWord {
				out, inWord = append(out, cur.String()), false
				cur.Reset()
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quoted {
		return nil, fmt.Errorf("unterminated quote in %q", s)
	}
	if inWord {
		out = append(out, cur.String())
	}
	return out, nil
}

func TestShellWordsAndTheGoCurl(t *testing.T) {
	w, err := shellWords(`-s --json '{"add": ["a b"]}' localhost:1/x`)
	if err != nil || len(w) != 4 || w[2] != `{"add": ["a b"]}` {
		t.Fatalf("%q %v", w, err)
	}
	if _, err := shellWords(`'open`); err == nil {
		t.Fatal("an unterminated quote was accepted")
	}
	if _, err := runCurlLine("curl -k localhost:1/"); err == nil {
		t.Fatal("an unknown flag was accepted")
	}
}
