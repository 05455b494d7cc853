// Package ews serves the fake Exchange over EWS as Exchange 2013 SP1
// (build 15.0.847.32) answers it: SOAP 1.1 over HTTP at /EWS/Exchange.asmx,
// and autodiscover at /autodiscover/autodiscover.xml (POX) and
// /autodiscover/autodiscover.svc (SOAP GetUserSettings), all from one
// http.Handler usable in-process or in the server, for every tenant (the
// "/t/<tenant>" prefix, the X-Ucfake-Tenant header or a tenant's own
// listener; see fakes/tenant). Scripted faults (the tenant's registry)
// are applied before every operation: a code answers a SOAP fault with
// that ResponseCode, drop aborts the connection, a delay waits.
//
// Operations: ConvertId; AddDelegate, GetDelegate, UpdateDelegate,
// RemoveDelegate; GetFolder (every DistinguishedFolderId, IdOnly / Default
// / AllProperties and folder:PermissionSet), FindFolder (Shallow, Deep),
// UpdateFolder (folder:PermissionSet); CreateItem of calendar items (own
// or another mailbox's calendar, with invitations) and of messages
// (MessageDisposition SendOnly, SendAndSaveCopy, SaveOnly; sent as or on
// behalf of another mailbox as the caller's rights allow); FindItem on
// calendar and mail folders (Restriction, SortOrder, IndexedPageItemView,
// CalendarView) and GetItem (messages and meeting requests with From,
// Sender, Body and MimeContent; calendar items); ResolveNames.
//
// Fidelity contract. Element names, namespaces, child order, default
// shapes and response codes follow Microsoft's EWS reference (domain.md
// §2 and the reference pages the tests quote). Operation errors are
// ResponseMessages inside HTTP 200, including the outer
// ResponseClass="Success" around per-delegate errors; anything refused
// before or while reading the operation is a SOAP fault with HTTP 500, as
// Exchange sends it: faultcode a:<ResponseCode> in the types namespace,
// ResponseCode and Message in the errors namespace and, for schema
// violations, LineNumber, LinePosition and Violation in MessageXml. Every
// response carries Exchange 2013 SP1's ServerVersionInfo; a
// RequestServerVersion that server does not know (Exchange2016, ...) is
// the fault ErrorInvalidServerVersion, on which clients such as exchangelib
// step down to a version it knows. The store decides every right; this
// package only translates, and converts store errors to ResponseCode and
// MessageText in one place (errors.go).
//
// Folders. The mailbox hierarchy (wellknown.go) has every
// DistinguishedFolderId of the reference; folders the store keeps (Inbox,
// Drafts, Outbox, Sent Items, Deleted Items, Junk E-Mail, Calendar,
// Contacts, Tasks, Notes, Journal, Freebusy Data) show their items, the
// others (root, Top of Information Store, Sync Issues, the archive, ...)
// are empty. A caller without rights on a store folder is told
// ErrorFolderNotFound; on another mailbox's root and the other folders
// the store does not keep, anyone but the owner and FullAccess holders
// ErrorAccessDenied, as Exchange answers a delegate's GetFolder of the root.
//
// Simplified: HTTP Basic authentication only (no NTLM, OAuth); no
// impersonation (ExchangeImpersonation is refused with a fault); ids are
// base64 of the store's ids (EwsId; ConvertId maps them to the other
// IdFormatType values and back) with no ChangeKey semantics beyond echoing
// one; messages are created from Subject, Body and recipients (a
// MimeContent or Attachments in CreateItem is refused, never dropped),
// saved drafts cannot be sent later (no SendItem); no attachments,
// UpdateItem, DeleteItem or notifications; restrictions search FieldURI
// properties only (indexed and extended properties are
// ErrorUnsupportedPathForQuery) and compare strings without regard to
// case; UpdateFolder changes folder:PermissionSet only; SOAP 1.2 is
// refused (415).
//
// Bodies. Every request body is read whole before anything else, even
// authentication (tenant.ReadBodies): up to MaxBody (4 MiB; Exchange 2013's
// own EWS limit is larger, 64 MiB of maxAllowedContentLength, a
// simplification kept from before); a larger body is drained (up to
// tenant.DefaultDrain, 128 MiB) and answered 413 with an ErrorInvalidRequest
// SOAP fault (autodiscover: text), then the connection closes, so that a
// client that writes the whole body before reading sees the answer and not a
// reset. A body that stalls (no byte for WithBodyStall's limit, 30 s by
// default) is answered 408 the same way.
//
// Bad input. Malformed XML, a root that is not a SOAP 1.1 Envelope, an
// empty Body, an operation element lacking a child the schema requires
// (e.g. GetDelegate without Mailbox), a DistinguishedFolderId outside the
// (case-sensitive) enumeration and a PermissionSet out of the schema's
// order get an ErrorSchemaValidation fault worded like Exchange's schema
// validator; an element outside the messages namespace is unknown to the
// schema; an EWS operation ucfake does not implement is the fault
// ErrorInvalidOperation. No input makes the handler panic; a panic would
// become ErrorInternalServerError. ResolveNames answers an ambiguous name
// with ResponseClass="Warning" and ErrorNameResolutionMultipleResults
// around the candidates, as Exchange does; it searches the GAL only.
package ews
