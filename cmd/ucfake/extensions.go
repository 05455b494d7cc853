package main

import (
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/console"
	"github.com/ucfake/ucfake/harness/doctor"
)

// withExtensions adds what the control plane offers above package harness:
// the doctor (POST /_ucfake/doctor) and the console (/_ucfake/ui/).
func withExtensions(o harness.ServeOptions) harness.ServeOptions {
	o.Doctor = doctor.ForTenants
	o.Console = console.New
	return o
}
