package lyncadmin

import (
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/fakes/lync"
)

// newTrustedApplication is New-CsTrustedApplication: the last step of
// deploying SEFAUtil ("New-CsTrustedApplication -ApplicationId sefautil
// -TrustedApplicationPoolFqdn <Pool FQDN> -Port 7489", then
// Enable-CsTopology, which the fake folds into this call). -ApplicationId,
// -TrustedApplicationPoolFqdn and -Port are required; only the sefautil
// application has an effect: SEFAUtil may run from then on.
func newTrustedApplication(s *lync.Store, p params) (any, error) {
	id, err := p.str("ApplicationId")
	if err != nil {
		return nil, err
	}
	pool, err := p.str("TrustedApplicationPoolFqdn")
	if err != nil {
		return nil, err
	}
	var port int
	if present, err := p.optional("Port", &port); err != nil || !present || port < 1 || port > 65535 {
		return nil, fmt.Errorf("%w: -Port is required (1-65535)", errBadParams)
	}
	if strings.EqualFold(id, "sefautil") {
		s.SetSEFAUtilDeployed(true)
	}
	return map[string]any{"Identity": pool + "/urn:application:" + strings.ToLower(id),
		"ApplicationId": "urn:application:" + strings.ToLower(id), "TrustedApplicationPoolFqdn": pool, "Port": port}, nil
}
