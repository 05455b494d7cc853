package container

import (
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/moby/moby/api/types/container"
	"github.com/testcontainers/testcontainers-go"
	"github.com/testcontainers/testcontainers-go/wait"
)

// Networking says how the test process reaches the container's ports.
type Networking int

// The ways to reach the container.
const (
	// Auto publishes the ports on the host through the engine's bridge
	// network when it has one, and uses host networking otherwise.
	Auto Networking = iota
	// Host runs the container in the host's network namespace, each face
	// on a free loopback port of the host (tenants' own listeners work).
	Host
	// Mapped publishes the image's ports (7780, 7781, 7143, 7506, 7782,
	// 7783) on free ports of the host through the bridge network; tenants'
	// own listeners are not reachable (use /t/<tenant>/ on the shared ports).
	Mapped
)

func (n Networking) String() string {
	return [...]string{"auto", "host", "mapped"}[n]
}

// choose resolves Auto: mapped ports when the engine has a bridge network.
func choose(want Networking, engineHasBridge bool) Networking {
	if want != Auto {
		return want
	}
	if engineHasBridge {
		return Mapped
	}
	return Host
}

// faces are the image's faces, their environment variables and ports.
var faces = []struct{ name, env, port string }{
	{"control", "UCFAKE_CONTROL_ADDR", "7780"}, {"ews", "UCFAKE_EWS_ADDR", "7781"}, {"imap", "UCFAKE_IMAP_ADDR", "7143"},
	{"sip", "UCFAKE_SIP_ADDR", "7506"}, {"ucwa", "UCFAKE_UCWA_ADDR", "7782"}, {"admin", "UCFAKE_ADMIN_ADDR", "7783"},
}

// hostCustomizers point every face at a free loopback port of the host
// (ports by face) and use the host's network.
func hostCustomizers(ports map[string]string) []testcontainers.ContainerCustomizer {
	env := map[string]string{}
	for _, f := range faces {
		env[f.env] = ports[f.name]
	}
	return []testcontainers.ContainerCustomizer{
		testcontainers.WithEnv(env),
		testcontainers.WithHostConfigModifier(func(hc *container.HostConfig) { hc.NetworkMode = "host" }),
		waitForHealth(),
	}
}

// mappedCustomizers listen on every interface of the container's own
// namespace (as the image does by default) and publish the ports;
// allowedHost is the name the test process uses, when not loopback.
func mappedCustomizers(allowedHost string) []testcontainers.ContainerCustomizer {
	env, exposed := map[string]string{}, []string{}
	for _, f := range faces {
		env[f.env] = "0.0.0.0:" + f.port
		exposed = append(exposed, f.port+"/tcp")
	}
	if allowedHost != "" && !isLoopback(allowedHost) {
		env["UCFAKE_CONTROL_ALLOWED_HOSTS"] = allowedHost
	}
	return []testcontainers.ContainerCustomizer{testcontainers.WithEnv(env), testcontainers.WithExposedPorts(exposed...), waitForHealth()}
}

// waitForHealth runs "ucfake healthcheck" inside the container until it
// succeeds: it asks the control plane from the container's own namespace,
// so the wait needs no guess of how the host reaches the container.
func waitForHealth() testcontainers.CustomizeRequestOption {
	return testcontainers.WithWaitStrategy(wait.ForExec([]string{"/ucfake", "healthcheck"}).
		WithPollInterval(20 * time.Millisecond).WithStartupTimeout(time.Minute))
}

// endpointHost is the name the test process reaches published ports by:
// TESTCONTAINERS_HOST_OVERRIDE when set, else the host of a tcp:// Docker
// host, else 127.0.0.1 (a local engine publishes on the host's loopback
// interface too). It never guesses a bridge gateway address.
func endpointHost(override, dockerHost string) string {
	if override != "" {
		return override
	}
	if u, err := url.Parse(dockerHost); err == nil && (u.Scheme == "tcp" || u.Scheme == "http" || u.Scheme == "https") && u.Hostname() != "" {
		return u.Hostname()
	}
	return "127.0.0.1"
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// freePorts picks free loopback ports for the faces.
func freePorts() (map[string]string, error) {
	out := map[string]string{}
	var lns []net.Listener
	defer func() {
		for _, l := range lns {
			l.Close()
		}
	}()
	for _, f := range faces {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		lns = append(lns, l)
		out[f.name] = l.Addr().String()
	}
	return out, nil
}
