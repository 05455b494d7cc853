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
// decides every right; this package only translates.
//
// Errors. The store's errors carry a kind and facts, never an EWS code;
// errors.go holds the one table from exchange.Kind to ResponseCode and
// converts every error there (codeOf). MessageText is Exchange's fixed
// wording where it is documented or observed (ErrorDelegateAlreadyExists,
// ErrorNotDelegate, ErrorFolderNotFound), otherwise the store's message,
// which names the facts. Refusals of the face itself (ucfake's limits,
// ResolveNames without results, permission levels mixed with flags) name
// their ResponseCode directly; anything else is ErrorInternalServerError.
// Simplified: HTTP Basic authentication only (no NTLM, OAuth or
// autodiscover); no impersonation (ExchangeImpersonation is refused with a
// clear error); ids are the store's ids (no ChangeKey semantics beyond
// echoing one); only calendar items are created or read (other items in
// a CreateItem get ErrorInvalidRequest per item); requests over MaxBody
// get 413 with a SOAP fault. SOAP 1.2 is refused (415).
//
// Bad input. Malformed XML, a root that is not a SOAP 1.1 Envelope, an
// empty Body and an operation element lacking a child the schema requires
// (e.g. GetDelegate without Mailbox, GetItem without ItemShape) get a SOAP
// fault whose detail carries ResponseCode ErrorSchemaValidation, worded
// like Exchange's schema validator; an unknown operation gets
// ErrorInvalidRequest. Real Exchange sends these faults with HTTP 500;
// ucfake sends 400 so that a 500 only ever means a server-side fault
// (ErrorInternalServerError or a scripted fault). ResolveNames answers an
// ambiguous name with ResponseClass="Warning" and
// ErrorNameResolutionMultipleResults around the candidates, as Exchange
// does; it searches the GAL only (no contacts).
package ews
