// Package sip serves the fake Lync back end over SIP on TCP: OPTIONS,
// REGISTER, and SERVICE requests to the focus factory carrying C3P
// (application/cccp+xml: addConference, getConference, deleteConference,
// getAvailableMcuTypes, getConferencingCapabilities) or to one's own URI
// publishing the routing category's delegates list
// (application/msrtc-category-publish+xml). Messages are parsed with
// github.com/emiago/sipgo's parser; this package frames them on the TCP
// stream itself so that it can answer an unparsable message with 400 and
// keep the connection.
//
// Fidelity contract. Simulated: C3P's from = the organizer and the SIP From
// = the requester; an on-behalf request from someone who is not the
// organizer's delegate in the back end gets 403 Forbidden with
// ms-diagnostics 4268 and an application/msrtc-fault+xml body whose
// Faultcode is Client.Delegate.Operation.NotAuthorized; a stale routing
// publication gets 409 with ms-diagnostics 2141 and
// Client.BadCall.WrongDelta; an unparsable C3P body gets 400 with
// ms-diagnostics 3006; a C3P from that is not the focus factory's owner
// gets 400 with 3000 ("Bad From in C3P Request"); a C3P to that does not
// name the Request-URI's focus factory gets 400 with 3001 ("Bad To in C3P
// Request"); an unknown C3P command gets code="failure" (with
// ms-diagnostics 3004).
//
// Errors. The back end's errors carry a kind and facts, never a SIP code;
// errors.go holds the one table from lync.Kind to the SIP answer (status and
// reason phrase, ms-diagnostics id and reason, msrtc Faultcode, or the C3P
// failure reason of a refusal below the SIP level) and converts every
// back-end error there (storeError). Outside C3P a refusal below the SIP
// level is 400 with ms-diagnostics 1000 and the back end's message; an
// error that is not the back end's is 500 with ms-diagnostics 1.
//
// Simplified: no authentication: REGISTER is accepted as is and the SIP From
// is trusted as the requester (real servers require NTLM, Kerberos or
// TLS-DSK, so real Lync clients will not sign in to this fake: use sipp or
// your own client); TCP only; no dialogs, no INVITE, no presence beyond the
// routing publication; each request gets exactly one final response.
//
// Bad input: a message sipgo cannot parse, or a request missing Via, From,
// To, Call-ID or CSeq (or whose CSeq method differs from its method), gets
// a bare 400 with ms-diagnostics 1000 and the connection stays open; only
// framing that leaves no message boundary (an invalid Content-Length, an
// over-long header) is answered with 400 and then closed. A message that
// stops arriving once begun (a Content-Length larger than the body sent, a
// header cut off) is answered 400 with ms-diagnostics 1000 "the message
// stalled ..." and closed once no byte has come for Options.Stall
// (DefaultStall, 30 s, of wall-clock time); between messages a connection
// may idle for ever, as SIP over TCP keeps its connections. Limits:
// MaxHeaderBytes (64 KiB) of headers, MaxBodyBytes (1 MiB) of body. Handler panics
// are recovered into a 400 and logged, but none is known: the wire and the
// C3P decoder are fuzzed (FuzzAnswer, FuzzDecodeC3P).
//
// Lifetime: New, then Start(addr) or StartContext(ctx, addr) (the server
// closes when ctx ends), Addr, Close. Close also ends scripted-fault delays
// still waiting on the clock.
package sip
