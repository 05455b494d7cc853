package specs

import (
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
)

type exchangeDelegate = exchange.Delegate

func lyncTelephony(mode string) lync.Telephony { return lync.Telephony(mode) }
