// Package examples is a vendor's test, as a vendor would write it against
// ucfake: it starts a world with every wire face in-process
// (harness.WithEndpoints), drives EWS and SIP as the vendor's own client
// would (plain HTTP SOAP and SIP over TCP, no ucfake client code), and
// asserts with ucfake's matchers.
package examples
