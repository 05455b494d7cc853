// Package exports reads what an administrator can paste from a real
// deployment — Get-CsUser, Get-CsClientPolicy, Get-CsVoicePolicy,
// SEFAUtil's display, Get-MailboxFolderPermission, Get-Mailbox's
// GrantSendOnBehalfTo, Get-MailboxPermission, Get-RecipientPermission, a
// `reg export` of the Lync client's key and the client's Configuration
// Information text — and builds a ucfake world that holds the same state,
// so that the doctor can analyse it and replay resolutions on it.
//
// The parsers take the real formatting: Format-List (with wrapped
// values), Format-Table (columns found from the dashes line, values cut
// with "..." or "…" resolved by prefix), regedit's UTF-16LE files with a
// byte-order mark (REG_SZ, REG_MULTI_SZ as hex(7), continuation lines).
// What they cannot read is refused with the file, the line and what was
// expected (*Error). docs/doctor.md lists the formats and their sources.
package exports
