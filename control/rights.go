package control

import (
	"strings"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fakes/exchange"
)

// singleRights are the individual folder rights by name
// (exchange.Rights.String of each bit).
var singleRights = func() map[string]exchange.Rights {
	m := map[string]exchange.Rights{}
	for bit := exchange.Rights(1); bit <= exchange.FreeBusyDetailed; bit <<= 1 {
		m[strings.ToLower(bit.String())] = bit
	}
	return m
}()

// rightNames lists the individual rights of r ([] for none).
func rightNames(r exchange.Rights) []string {
	if r == 0 {
		return []string{}
	}
	return strings.Split(r.String(), ", ")
}

// requestedRights reads a role or a list of individual rights.
func requestedRights(req api.FolderPermissionRequest) (exchange.Rights, error) {
	switch {
	case req.Role != "" && len(req.Rights) > 0:
		return 0, badRequest("give a role or rights, not both")
	case req.Role != "":
		r, err := exchange.RightsOf(exchange.Role(req.Role))
		if err != nil {
			return 0, badRequest("%v", err)
		}
		return r, nil
	case req.Rights == nil:
		return 0, badRequest(`want {"role": "Reviewer"} or {"rights": ["ReadItems", "FolderVisible"]}`)
	}
	var out exchange.Rights
	for _, name := range req.Rights {
		bit, ok := singleRights[strings.ToLower(name)]
		if !ok {
			return 0, badRequest("unknown folder right %q", name)
		}
		out |= bit
	}
	return out, nil
}
