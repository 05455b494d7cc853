package container_test

import (
	"context"
	"fmt"

	"github.com/testcontainers/testcontainers-go"

	"github.com/ucfake/ucfake/harness/container"
)

// ucfake in a container (make image builds ucfake:dev), with a tenant of
// its own for this test; Client drives its control plane. (Compiled, not
// run: it needs a Docker engine.)
func ExampleRun() {
	ctx := context.Background()
	c, err := container.Run(ctx, container.DefaultImage, container.WithFixture("kb000"), container.WithVirtualClock(),
		container.WithTenant("job-42", "kb000"))
	if err != nil {
		panic(err)
	}
	defer testcontainers.TerminateContainer(c)
	cl := c.Client()
	if err := cl.Outlook(ctx, "PC-MANAGER", "open"); err != nil {
		panic(err)
	}
	fmt.Println(c.EWS(), c.SIP())
}
