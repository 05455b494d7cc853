package ews

import "encoding/xml"

// requestVersions are the RequestServerVersion values an Exchange 2013 SP1
// server's schema (ExchangeVersionType) knows. A request without the
// header is read as Exchange2007, the earliest.
var requestVersions = map[string]bool{
	"Exchange2007": true, "Exchange2007_SP1": true, "Exchange2010": true, "Exchange2010_SP1": true,
	"Exchange2010_SP2": true, "Exchange2013": true, "Exchange2013_SP1": true,
}

// errInvalidServerVersion is Exchange's answer to a RequestServerVersion it
// does not know (e.g. Exchange2016 sent to Exchange 2013): a SOAP fault,
// on which clients retry with an older version.
var errInvalidServerVersion = &soapFault{code: "ErrorInvalidServerVersion", message: "The specified server version is invalid."}

// checkRequestVersion checks a RequestServerVersion header element.
func checkRequestVersion(se xml.StartElement) error {
	if !requestVersions[attr(se.Attr, "Version")] {
		return errInvalidServerVersion
	}
	return nil
}
