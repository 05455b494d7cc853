// Package ucwa serves a UCWA-style REST API (JSON over HTTP under /ucwa/)
// over the fake Lync back end: what UCWA offers around delegation.
//
//	POST   /ucwa/v1/applications                                   create an application (201)
//	GET    /ucwa/v1/applications/{app}/people/groups/{group}        delegatesGroup or delegatorsGroup
//	GET    /ucwa/v1/applications/{app}/people/groups/{group}/contacts
//	GET    /ucwa/v1/applications/{app}/events?ack=N&timeout=S      long poll: added / deleted in a group
//	POST   /ucwa/v1/applications/{app}/communication/startAudioOnBehalfOfDelegator
//	GET    /ucwa/v1/applications/{app}/onlineMeetings/myOnlineMeetings
//	POST   /ucwa/v1/applications/{app}/onlineMeetings/myOnlineMeetings
//	DELETE /ucwa/v1/applications/{app}
//
// Fidelity contract. Simulated: the two delegation groups as the back end
// has replicated them to the user; events telling a delegate they were
// added to or removed from delegatorsGroup (and a manager, delegatesGroup);
// startAudioOnBehalfOfDelegator refused with subcode NoDelegatesConfigured
// when the user is not the named delegator's delegate; myOnlineMeetings for
// the user's own meetings only, with no organizer or on-behalf field, as in
// UCWA. Simplified: HTTP Basic credentials on every request instead of
// UCWA's OAuth/WebTicket sign-in (checked by Options.Authenticate); no
// autodiscovery, no real calls (an accepted on-behalf call answers 201 and
// goes no further), no batching. Errors are 4xx with {"code", "subcode",
// "message"}: errors.go holds the one table from lync.Kind to status, code
// and subcode (the message is the back end's) and converts every back-end
// error there; an error that is not the back end's is 500 ServiceFailure.
//
// Authentication: every request carries HTTP Basic credentials, checked by
// the pluggable Options.Authenticate(user, password) (sip string, ok bool),
// which maps them to the user's SIP URI (the harness checks them against
// the fake Exchange directory). An application belongs to the user who
// created it; someone else's is 404 ApplicationNotFound.
//
// myOnlineMeetings reads subject, accessLevel (None, SameEnterprise,
// Locked, Invited, Everyone) and expirationTime (RFC 3339); other fields,
// including any attempt at an organizer or delegator, are ignored.
//
// The events long poll waits at most the client's timeout (?timeout=S in
// seconds; Options.DefaultWait without it, 30 s by default; capped at
// Options.MaxWait, 180 s; timeout=0 answers at once). It answers at once
// when an event arrives, and otherwise when the timeout has passed on the
// world's clock or in real time, whichever comes first (clock.Wait): a
// test advancing a virtual clock past the timeout gets the answer at once,
// and a real client polling a world whose virtual clock nobody advances
// still gets it after S real seconds (UCWA's own poll answers after its
// timeout with an empty events resource; assumption that the same holds
// in a simulated world). It ends early when the request is cancelled. A
// nil Options.Clock means the wall clock (clock.NewReal(1)), as in package
// lync.
//
// Bodies: every request body is read whole before it is served
// (tenant.ReadBodies): up to MaxBody (64 KiB); a larger one is drained (up
// to tenant.DefaultDrain, 128 MiB) and answered 413 with code
// RequestTooLarge; a body that stalls for Options.BodyStall (default 30 s)
// is answered 408 with code Timeout; both close the connection after the
// answer.
//
// Scripted faults: with Options.Faults every request first consults the
// registry (identity = the user's SIP URI; op = the resource's name:
// applications (POST, create), application (DELETE), group, groupContacts,
// events, startAudioOnBehalfOfDelegator, myOnlineMeetings (GET and POST)).
// A delay waits on the clock (ended by the request's end), drop then closes
// the connection unanswered, and a code answers with that HTTP status when
// it is a number from 400 to 599, otherwise with a 500 whose subcode is the
// code; a delay alone then serves the request.
package ucwa
