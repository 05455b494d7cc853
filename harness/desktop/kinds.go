package desktop

import "github.com/ucfake/ucfake/harness/desktop/client"

// ClientKind is a Lync client product. Its names, parsing and capabilities
// live in the leaf package client, so fixtures can name a kind without
// importing the simulation.
type ClientKind = client.Kind

// The client kinds ucfake simulates.
const (
	Lync2010    = client.Lync2010
	Lync2013    = client.Lync2013
	SfB2015     = client.SfB2015
	SfB2016     = client.SfB2016
	LyncBasic   = client.LyncBasic
	LyncMac2011 = client.LyncMac2011
)

// ClientKinds lists every kind.
var ClientKinds = client.Kinds
