// Package lyncadmin serves the Lync administration cmdlets over HTTP as
// JSON: POST /admin/<cmdlet> with the cmdlet's parameters as a JSON object
// (PowerShell names), e.g.
//
//	POST /admin/Set-CsClientPolicy  {"Identity": "Global", "EnableExchangeDelegateSync": true}
//	POST /admin/Grant-CsClientPolicy {"Identity": "sip:user20@contoso.com", "PolicyName": "Sync"}
//	POST /admin/Set-CsUserDelegates {"User": "sip:boss@contoso.com", "Delegates": {"add": ["sip:aide@contoso.com"]}}
//	POST /admin/SEFAUtil            {"Arguments": ["/server:pool.contoso.com", "sip:boss@contoso.com", "/adddelegate:aide@contoso.com"]}
//
// SEFAUtil also takes the command line as it is typed, with Content-Type
// text/plain, and then answers with the console output as text/plain:
//
//	POST /admin/SEFAUtil  (text/plain)  SEFAUtil.exe /server:pool.contoso.com sip:boss@contoso.com /adddelegate:aide@contoso.com
//
// SEFAUtil runs only once it is deployed in a trusted application pool:
// New-CsTrustedApplication with -ApplicationId sefautil (or the harness's
// lync.Options.SEFAUtilDeployed) deploys it; before that every call is
// refused with 409 SEFAUtilNotDeployed.
//
// Parameters bind as PowerShell binds them (binding.go): each cmdlet
// declares the parameters of the real cmdlet that ucfake models; names
// match case-insensitively and an unambiguous prefix stands for the whole
// name ("EnableExch"); an unknown name is refused with 400, kind
// ParameterBindingException and PowerShell's text "A parameter cannot be
// found that matches parameter name 'X'." (also for a real parameter
// ucfake does not model); an ambiguous prefix, a parameter given twice and
// a missing mandatory one are refused the same way with PowerShell's
// wording; PowerShell's common parameters (-Verbose, -ErrorAction, -WhatIf,
// ...) are refused with kind CommonParameterNotModelled. A parameter left
// out leaves its setting as it is: Set-CsClientPolicy -Identity Global
// alone changes nothing; JSON null stands for $null
// (-EnableExchangeDelegateSync $null unsets it, -PolicyName $null removes
// a grant). -PolicyName of Grant-Cs*Policy is mandatory, as in the
// reference's syntax. Get-CsClientPolicy, Get-CsVoicePolicy and Get-CsUser
// without -Identity list everything.
//
// Bodies: every request body is read whole before the cmdlet runs
// (tenant.ReadBodies): up to MaxBody (64 KiB); a larger one is drained (up
// to tenant.DefaultDrain, 128 MiB) and answered 413 with kind
// RequestTooLarge, one that stalls for WithBodyStall's limit (default 30 s)
// 408 with kind RequestTimeout; both close the connection after the answer.
//
// GET /admin lists the cmdlets. Results are JSON (SEFAUtil's is its console
// text under "Output"); errors are 400 (bad parameters, malformed input),
// 404 (no such user, policy or cmdlet) or 409 (refused by a rule) with
// {"error", "kind"}. errors.go holds the one table from lync.Kind to HTTP
// status (the kind is the back end's, the error its message) and converts
// every error there (statusOf); the tools' own refusals (*Error:
// SEFAUtilUsage, SEFAUtilNotDeployed) carry their status.
//
// The tools are composed here from the back end's plain operations: the
// SEFAUtil command line, its console output and Get/Set-CsUserDelegates are
// functions of this package (SEFAUtil, GetCsUserDelegates,
// SetCsUserDelegates) over lync.Store's AddDelegate, RemoveDelegate,
// SetRinging, Ringing and Delegates, usable in-process as well as over
// HTTP.
//
// Scripted faults: Handler.WithFaults makes every cmdlet consult a
// faults.Registry first (op = the cmdlet name, identity = its -Identity or
// -User); see WithFaults.
//
// Fidelity contract: the cmdlets change the fake back end exactly as
// package lync documents (policy resolution, Set-CsUser constraints,
// delegate limits, SEFAUtil's requirements and output). What they do not do
// is reach clients: a policy change takes effect in a client at its next
// sign-in, which is the simulated desktop's behaviour, not this API's. No
// authentication or RBAC roles are simulated; New-CsTrustedApplication
// stands for the whole SEFAUtil deployment (pool, certificate,
// Enable-CsTopology).
package lyncadmin
