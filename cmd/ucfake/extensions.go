package main

import (
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/doctor"
)

// withExtensions adds what the control plane offers above package harness:
// the doctor (POST /_ucfake/doctor).
func withExtensions(o harness.ServeOptions) harness.ServeOptions {
	o.Doctor = doctor.ForTenants
	return o
}
