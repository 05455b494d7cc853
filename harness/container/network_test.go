package container

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/containerd/errdefs"
	"github.com/moby/moby/api/types/container"
	"github.com/testcontainers/testcontainers-go"
)

func TestAutoPicksMappedPortsOnlyWhenTheEngineHasABridge(t *testing.T) {
	cases := []struct {
		want   Networking
		bridge bool
		got    Networking
	}{{Auto, true, Mapped}, {Auto, false, Host}, {Host, true, Host}, {Host, false, Host}, {Mapped, true, Mapped}, {Mapped, false, Mapped}}
	for _, c := range cases {
		if got := choose(c.want, c.bridge); got != c.got {
			t.Errorf("choose(%v, bridge %v) = %v, want %v", c.want, c.bridge, got, c.got)
		}
	}
}

// apply runs customizers on a fresh request, as Run does.
func apply(t *testing.T, cs []testcontainers.ContainerCustomizer) testcontainers.ContainerRequest {
	t.Helper()
	req, err := request("ucfake:test", cs)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

func TestHostNetworkingListensOnTheChosenLoopbackPorts(t *testing.T) {
	ports, err := freePorts()
	if err != nil {
		t.Fatal(err)
	}
	req := apply(t, hostCustomizers(ports))
	hc := &container.HostConfig{}
	req.HostConfigModifier(hc)
	if hc.NetworkMode != "host" || len(req.ExposedPorts) != 0 {
		t.Fatalf("network %q, exposed %v", hc.NetworkMode, req.ExposedPorts)
	}
	for _, f := range faces {
		if a := req.Env[f.env]; a != ports[f.name] || !strings.HasPrefix(a, "127.0.0.1:") {
			t.Errorf("%s = %q, want %q", f.env, a, ports[f.name])
		}
	}
	if req.WaitingFor == nil {
		t.Fatal("no wait strategy")
	}
}

func TestMappedPortsListenOnEveryInterfaceAndArePublished(t *testing.T) {
	req := apply(t, mappedCustomizers("127.0.0.1"))
	if strings.Join(req.ExposedPorts, " ") != "7780/tcp 7781/tcp 7143/tcp 7506/tcp 7782/tcp 7783/tcp" {
		t.Fatalf("exposed %v", req.ExposedPorts)
	}
	if req.Env["UCFAKE_CONTROL_ADDR"] != "0.0.0.0:7780" || req.Env["UCFAKE_SIP_ADDR"] != "0.0.0.0:7506" || req.HostConfigModifier != nil {
		t.Fatalf("env %v", req.Env)
	}
	if _, ok := req.Env["UCFAKE_CONTROL_ALLOWED_HOSTS"]; ok {
		t.Fatal("a loopback host needs no allowed host name")
	}
	if req := apply(t, mappedCustomizers("docker.example")); req.Env["UCFAKE_CONTROL_ALLOWED_HOSTS"] != "docker.example" {
		t.Fatalf("a remote engine's name is not allowed: %v", req.Env)
	}
}

func TestEndpointsAreReachedOnLoopbackUnlessTheEngineIsElsewhere(t *testing.T) {
	cases := map[[2]string]string{
		{"", ""}: "127.0.0.1", {"", "unix:///var/run/docker.sock"}: "127.0.0.1", {"", "tcp://docker.example:2375"}: "docker.example",
		{"override.example", "tcp://docker.example:2375"}: "override.example", {"", "npipe:////./pipe/docker_engine"}: "127.0.0.1",
	}
	for in, want := range cases {
		if got := endpointHost(in[0], in[1]); got != want {
			t.Errorf("endpointHost(%q, %q) = %q, want %q", in[0], in[1], got, want)
		}
	}
	if hostPort("localhost", "4000") != "127.0.0.1:4000" || hostPort("::1", "4000") != "127.0.0.1:4000" || hostPort("fd00::1", "4000") != "[fd00::1]:4000" {
		t.Fatal("hostPort")
	}
}

func TestMissingEngineAndImageSayWhatToDo(t *testing.T) {
	err := noEngine(errors.New("dial unix /var/run/docker.sock: connect: no such file or directory"))
	if !errors.Is(err, ErrNoEngine) || !strings.Contains(err.Error(), ".ci/install.d/docker.sh") || !strings.Contains(err.Error(), "DOCKER_HOST") {
		t.Fatal(err)
	}
	err = noImage(DefaultImage, errdefs.ErrNotFound)
	if !errors.Is(err, ErrNoImage) || !strings.Contains(err.Error(), "build it with make image (") {
		t.Fatal(err)
	}
	if err = noImage("ucfake:ci", errdefs.ErrNotFound); !strings.Contains(err.Error(), "make image IMAGE=ucfake:ci") {
		t.Fatal(err)
	}
	if err = explain(errors.New("create reaper: pull testcontainers/ryuk:0.14.0: denied")); !strings.Contains(err.Error(), "TESTCONTAINERS_RYUK_DISABLED=true") {
		t.Fatal(err)
	}
}

func TestWithFixtureFileCopiesAValidOrganisation(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "acme.yaml")
	os.WriteFile(good, []byte("name: acme\nusers:\n  - alias: boss\n"), 0o644)
	req := apply(t, []testcontainers.ContainerCustomizer{WithFixtureFile(good)})
	if len(req.Files) != 1 || req.Files[0].ContainerFilePath != "/fixtures/acme.yaml" || req.Env["UCFAKE_FIXTURE"] != "/fixtures/acme.yaml" || req.Env["UCFAKE_FIXTURE_DIR"] != FixtureDir {
		t.Fatalf("%+v %v", req.Files, req.Env)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("users:\n  - alias: boss\n    telephony: loud\n"), 0o644)
	if _, err := request("ucfake:test", []testcontainers.ContainerCustomizer{WithFixtureFile(bad)}); err == nil || !strings.Contains(err.Error(), "bad.yaml:3") {
		t.Fatalf("an invalid fixture: %v", err)
	}
	if _, err := request("ucfake:test", []testcontainers.ContainerCustomizer{WithFixtureFile(filepath.Join(dir, "none.yaml"))}); err == nil {
		t.Fatal("a missing file was accepted")
	}
}

func TestRyukFollowsTestcontainersOwnSwitch(t *testing.T) {
	home := t.TempDir()
	homeFn := func() (string, error) { return home, nil }
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	if ryukDisabled(getenv, homeFn) {
		t.Fatal("disabled without a switch")
	}
	os.WriteFile(filepath.Join(home, ".testcontainers.properties"), []byte("ryuk.disabled=true\n"), 0o644)
	if !ryukDisabled(getenv, homeFn) {
		t.Fatal("the properties file is not read")
	}
	env["TESTCONTAINERS_RYUK_DISABLED"] = "false"
	if ryukDisabled(getenv, homeFn) {
		t.Fatal("the variable does not win")
	}
}

func TestModuleOptionsAreSettings(t *testing.T) {
	var s settings
	for _, o := range []Option{WithTenant("job", "seed003"), WithHostNetwork(), WithControlToken("t")} {
		o(&s)
	}
	if s.tenant != "job" || s.fixture != "seed003" || s.networking != Host || s.token != "t" {
		t.Fatalf("%+v", s)
	}
}
