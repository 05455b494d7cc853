package main

import (
	"runtime"
	"runtime/debug"
)

// buildVersion is set at link time (-ldflags "-X main.buildVersion=v1.2.3");
// empty, the module version or VCS revision of the build is used.
var buildVersion = ""

// version is ucfake's version: the link-time one, the main module's
// version, the VCS revision (with +dirty), or "dev".
func version() string {
	if buildVersion != "" {
		return buildVersion
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "dev"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "+dirty"
	}
	return "dev-" + rev
}

// versionLine is what --version prints.
func versionLine() string { return "ucfake " + version() + " (" + runtime.Version() + ")" }
