// Package ews serves the fake Exchange over EWS: SOAP 1.1 over HTTP at
// /EWS/Exchange.asmx, as an http.Handler usable in-process or in the
// server. Operations: AddDelegate, GetDelegate, UpdateDelegate,
// RemoveDelegate, GetFolder and UpdateFolder (folder:PermissionSet),
// CreateItem of calendar items (own or another mailbox's calendar, with
// invitations), FindItem and GetItem of calendar items, ResolveNames.
//
// Fidelity contract. Element names, namespaces, child order and response
// codes follow the EWS schema as domain.md §2 records them, including the
// outer ResponseClass="Success" around per-delegate errors. The store
// decides every right; this package only translates, and converts store
// errors to ResponseCode and MessageText in one place (errors.go).
// Simplified: HTTP Basic authentication only (no NTLM, OAuth or
// autodiscover); no impersonation (ExchangeImpersonation is refused with a
// clear error); ids are the store's ids (no ChangeKey semantics beyond
// echoing one); only calendar items are created or read; requests over
// MaxBody get 413 with a SOAP fault. SOAP 1.2 is refused.
package ews
