package exports

import (
	"strings"

	directorypkg "github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/harness/desktop"
)

// delegatorValues are the values seed 003 names under the Lync key.
var delegatorValues = []string{desktop.LastDelegatorList, desktop.OutstandingDelegatorList, desktop.DismissedDelegatorList}

// lyncKey reports whether a key path is the Lync client's key or below it:
// HKEY_CURRENT_USER\Software\Microsoft\Office\<n>.0\Lync, or
// ...\Microsoft\Communicator for Lync 2010.
func lyncKey(path string) bool {
	p := strings.ToLower(path)
	return strings.Contains(p, `\software\microsoft\office\`) && (strings.HasSuffix(p, `\lync`) || strings.Contains(p, `\lync\`)) ||
		strings.Contains(p, `\software\microsoft\communicator`)
}

// registryDump reads the Lync client's keys of one reg export. The
// computer is the file's base name; the user is ServerSipUri or a per-user
// subkey's name.
func registryDump(f File, keys []regKey) (Evidence, error) {
	d := RegistryDump{At: At{File: f.Name, Line: 1}, Computer: f.stem(), Values: map[string][]string{}}
	for _, k := range keys {
		if !lyncKey(k.path) {
			continue
		}
		if d.Key == "" || len(k.path) < len(d.Key) {
			d.Key = k.path
		}
		if i := strings.LastIndex(k.path, `\`); i >= 0 && strings.Contains(k.path[i+1:], "@") && d.User == "" {
			d.User = k.path[i+1:]
		}
		for _, v := range k.values {
			if strings.EqualFold(v.name, "ServerSipUri") && len(v.strs) > 0 {
				d.User = v.strs[0]
			}
			for _, name := range delegatorValues {
				if strings.EqualFold(v.name, name) {
					d.Values[name] = sipList(v)
				}
			}
		}
	}
	switch {
	case d.Key == "":
		return Evidence{}, &Error{File: f.Name, Want: `the Lync client's key (HKEY_CURRENT_USER\Software\Microsoft\Office\15.0\Lync): reg export "HKCU\Software\Microsoft\Office\15.0\Lync" ` + f.stem() + ".reg"}
	case d.User == "":
		return Evidence{}, &Error{File: f.Name, Want: "the signed-in user: a ServerSipUri value or a per-user subkey under " + d.Key}
	}
	d.User = directorypkg.NormalizeSIP(d.User)
	return Evidence{Registry: []RegistryDump{d}}, nil
}

// sipList reads a delegator list: REG_MULTI_SZ entries, or a REG_SZ of
// URIs separated by semicolons, commas or blanks.
func sipList(v regValue) []string {
	var out []string
	for _, s := range v.strs {
		for _, x := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == ' ' }) {
			out = append(out, directorypkg.NormalizeSIP(x))
		}
	}
	return out
}

// clientOf names the client kind a key path belongs to.
func clientOf(key string) desktop.ClientKind {
	k := strings.ToLower(key)
	switch {
	case strings.Contains(k, `\communicator`):
		return desktop.Lync2010
	case strings.Contains(k, `\office\16.0\`):
		return desktop.SfB2015
	}
	return desktop.Lync2013
}
