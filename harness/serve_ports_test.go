package harness_test

import (
	"net"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/harness"
)

// TestATakenPortNamesItsFlagAndFreesTheOthers starts the server with the
// EWS port already taken: Serve fails with the face, the address, the
// operating system's reason and the flag that changes it, and the control
// port it bound before EWS is free again (a second Serve can take it).
func TestATakenPortNamesItsFlagAndFreesTheOthers(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	free, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	control := free.Addr().String()
	free.Close()
	addrs := map[string]string{harness.FaceControl: control, harness.FaceEWS: taken.Addr().String()}
	_, err = harness.Serve(harness.ServeOptions{Addrs: addrs, Tenants: harness.TenantsOptions{Default: "kb000"}})
	if err == nil {
		t.Fatal("Serve on a taken EWS port succeeded")
	}
	for _, want := range []string{"ews on " + taken.Addr().String(), "address already in use", "--ews-addr", "127.0.0.1:0 for a free port"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	s, err := harness.Serve(harness.ServeOptions{Addrs: map[string]string{harness.FaceControl: control}, Tenants: harness.TenantsOptions{Default: "kb000"}})
	if err != nil {
		t.Fatalf("the control port stayed bound after the failed start: %v", err)
	}
	s.Close()
}
