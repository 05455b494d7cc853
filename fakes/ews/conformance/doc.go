// Package conformance checks the EWS front end with real, unmodified
// clients, each pinned and each with its own scenarios, against ucfake
// served on 127.0.0.1:
//   - ews-javascript-api (npm, pinned by package-lock.json, installed by
//     .ci/install.d/ews-conformance.sh) runs conformance.js: its
//     AutodiscoverService against the SOAP autodiscover endpoint, then
//     delegates, folder permissions, meetings on behalf, mail read and sent
//     on behalf, typed errors;
//   - exchangelib (Debian's python3-exchangelib 4.9.0, installed by
//     .ci/install.d/exchangelib.sh) runs exchangelib_conformance.py with no
//     version hint: the version probe, the folder hierarchy, delegates,
//     permission_set, calendar items on behalf and refused, CalendarView,
//     the invitation read in the attendee's Inbox, mail sent as and on
//     behalf, paging and restrictions, typed errors, a scripted fault, and
//     its own POX autodiscover against the POX endpoint.
//
// A suite whose client is missing fails under CI=true and otherwise skips,
// saying what to install.
package conformance
