// Drives ucfake's EWS with the unmodified ews-javascript-api client.
// Usage: UCFAKE_EWS_URL=http://127.0.0.1:PORT/EWS/Exchange.asmx node conformance.js
// Prints one line per check and exits non-zero on the first failure.
"use strict";
const ews = require("ews-javascript-api");
if (process.env.UCFAKE_DEBUG) { ews.EwsLogging.DebugLogEnabled = true; }

const url = process.env.UCFAKE_EWS_URL;
const autodiscoverURL = process.env.UCFAKE_AUTODISCOVER_URL;
const password = process.env.UCFAKE_PASSWORD || "pw";

function service(user) {
  const s = new ews.ExchangeService(ews.ExchangeVersion.Exchange2013);
  s.Credentials = new ews.WebCredentials(user, password);
  s.Url = new ews.Uri(url);
  return s;
}

function check(name, ok, detail) {
  if (!ok) {
    console.log(`FAIL ${name}: ${detail || ""}`);
    process.exit(1);
  }
  console.log(`ok   ${name}`);
}

async function expectError(name, promise, code) {
  try {
    await promise;
    check(name, false, "no error");
  } catch (e) {
    const got = e.ErrorCode !== undefined ? ews.ServiceError[e.ErrorCode] : String(e && e.message);
    check(name, got === code, `got ${got}`);
  }
}

// expectFault checks that promise fails with a SOAP fault whose
// ResponseCode is code (ews-javascript-api rejects with its
// SoapFaultDetails).
async function expectFault(name, promise, code) {
  try {
    await promise;
    check(name, false, "no error");
  } catch (e) {
    check(name, ews.ServiceError[e.ResponseCode] === code, `got ${ews.ServiceError[e.ResponseCode]}: ${e.message}`);
  }
}

// autodiscover points ews-javascript-api's AutodiscoverService at ucfake's
// SOAP autodiscover endpoint and checks that GetUserSettings answers the
// EWS URL the rest of the suite uses.
async function autodiscover() {
  const autod = new ews.AutodiscoverService(new ews.Uri(autodiscoverURL), ews.ExchangeVersion.Exchange2013);
  autod.Credentials = new ews.WebCredentials("assistant@contoso.com", password);
  const names = [ews.UserSettingName.InternalEwsUrl, ews.UserSettingName.ExternalEwsUrl, ews.UserSettingName.UserDisplayName,
    ews.UserSettingName.CasVersion, ews.UserSettingName.EwsSupportedSchemas, ews.UserSettingName.ExternalPop3Connections];
  const r = await autod.GetUserSettings("manager@contoso.com", names);
  check("AutodiscoverService.GetUserSettings succeeds", r.ErrorCode === ews.AutodiscoverErrorCode.NoError, ews.AutodiscoverErrorCode[r.ErrorCode]);
  check("it answers the EWS URL", r.GetSettingValue(ews.UserSettingName.ExternalEwsUrl) === url &&
    r.GetSettingValue(ews.UserSettingName.InternalEwsUrl) === url, r.GetSettingValue(ews.UserSettingName.ExternalEwsUrl));
  check("it answers the display name", r.GetSettingValue(ews.UserSettingName.UserDisplayName) === "manager");
  check("it answers Exchange 2013 SP1's CAS version", r.GetSettingValue(ews.UserSettingName.CasVersion) === "15.00.0847.032");
  check("a setting ucfake does not keep is a UserSettingError", r.UserSettingErrors.length === 1 &&
    r.UserSettingErrors[0].SettingName === "ExternalPop3Connections", JSON.stringify(r.UserSettingErrors));
  const nobody = await autod.GetUserSettings("nobody@contoso.com", [ews.UserSettingName.ExternalEwsUrl]);
  check("an unknown user is InvalidUser", nobody.ErrorCode === ews.AutodiscoverErrorCode.InvalidUser, ews.AutodiscoverErrorCode[nobody.ErrorCode]);
}

// mail reads the invitation in the attendee's inbox (FindItems with a
// paged ItemView and a SearchFilter, then a bind with MimeContent) and
// sends mail on behalf of the manager, refused without rights.
async function mail(assistant) {
  const alice = service("alice@contoso.com");
  const filter = new ews.SearchFilter.ContainsSubstring(ews.ItemSchema.Subject, "quarterly", ews.ContainmentMode.Substring, ews.ComparisonMode.IgnoreCase);
  const view = new ews.ItemView(1, 0, ews.OffsetBasePoint.Beginning);
  const found = await alice.FindItems(ews.WellKnownFolderName.Inbox, filter, view);
  check("FindItems with a filter and a paged view finds the invitation", found.TotalCount === 1 && found.Items.length === 1 && !found.MoreAvailable,
    `${found.TotalCount} ${found.Items.length}`);
  const props = new ews.PropertySet(ews.BasePropertySet.FirstClassProperties, [ews.ItemSchema.MimeContent]);
  const inv = await ews.EmailMessage.Bind(alice, found.Items[0].Id, props);
  check("the invitation is From the manager", inv.From.Address.toLowerCase() === "manager@contoso.com", inv.From.Address);
  check("and Sender the delegate", inv.Sender.Address.toLowerCase() === "assistant@contoso.com", inv.Sender.Address);
  const mime = Buffer.from(inv.MimeContent.Content, "base64").toString();
  check("its MimeContent carries the VEVENT", mime.includes("BEGIN:VEVENT") && mime.includes("SENT-BY"), mime.slice(0, 200));

  const m = new ews.EmailMessage(assistant);
  m.From = new ews.EmailAddress("manager@contoso.com");
  m.ToRecipients.Add("bob@contoso.com");
  m.Subject = "Agenda";
  m.Body = new ews.MessageBody(ews.BodyType.Text, "See you there.");
  await m.SendAndSaveCopy();
  const bob = service("bob@contoso.com");
  const got = await bob.FindItems(ews.WellKnownFolderName.Inbox, new ews.ItemView(10));
  const agenda = got.Items.find(i => i.Subject === "Agenda");
  check("a message sent on behalf reaches bob", agenda !== undefined, `${got.TotalCount} items`);
  await agenda.Load(new ews.PropertySet(ews.BasePropertySet.FirstClassProperties));
  check("From the manager, Sender the delegate", agenda.From.Address.toLowerCase() === "manager@contoso.com" &&
    agenda.Sender.Address.toLowerCase() === "assistant@contoso.com", `${agenda.From.Address} ${agenda.Sender.Address}`);
  const forged = new ews.EmailMessage(bob);
  forged.From = new ews.EmailAddress("manager@contoso.com");
  forged.ToRecipients.Add("alice@contoso.com");
  forged.Subject = "Forged";
  await expectError("sending for the manager without rights is ErrorSendAsDenied", forged.Send(), "ErrorSendAsDenied");
}

// versions reads ServerInfo (the ServerVersionInfo header) from each
// Exchange version ucfake emulates, and has Exchange 2010 SP2 refuse a
// newer schema than its own.
async function versions() {
  for (const [name, major, minor, build, rev, label] of [
    ["Exchange2010_SP2", 14, 2, 247, 5, "Exchange2010_SP2"],
    ["Exchange2013_SP1", 15, 0, 847, 32, "V2_8"],
    ["Exchange2016", 15, 1, 2507, 6, "V2017_07_11"]]) {
    const s = new ews.ExchangeService(ews.ExchangeVersion.Exchange2010_SP2);
    s.Credentials = new ews.WebCredentials("manager@contoso.com", password);
    s.Url = new ews.Uri(process.env["UCFAKE_EWS_URL_" + name.toUpperCase()]);
    await s.GetDelegates(new ews.Mailbox("manager@contoso.com"), false);
    const i = s.ServerInfo;
    check(`${name}: ServerInfo is ${major}.${minor}.${build}.${rev} ${label}`, i && i.MajorVersion === major && i.MinorVersion === minor &&
      i.MajorBuildNumber === build && i.MinorBuildNumber === rev && i.VersionString === label, JSON.stringify(i));
  }
  const newer = new ews.ExchangeService(ews.ExchangeVersion.Exchange2013);
  newer.Credentials = new ews.WebCredentials("manager@contoso.com", password);
  newer.Url = new ews.Uri(process.env.UCFAKE_EWS_URL_EXCHANGE2010_SP2);
  await expectFault("Exchange 2010 SP2 refuses RequestServerVersion Exchange2013 (a SOAP fault)", newer.GetDelegates(new ews.Mailbox("manager@contoso.com"), false), "ErrorInvalidServerVersion");
}

// serverBusy reads a scripted ErrorServerBusy: its code and the
// BackOffMilliseconds of its MessageXml, as the client parses them.
async function serverBusy() {
  const s = new ews.ExchangeService(ews.ExchangeVersion.Exchange2013);
  s.Credentials = new ews.WebCredentials("bob@contoso.com", password);
  s.Url = new ews.Uri(process.env.UCFAKE_BUSY_URL);
  try {
    await s.ResolveName("alice");
    check("ErrorServerBusy is an error", false, "no error");
  } catch (e) {
    const backOff = e.ErrorDetails && e.ErrorDetails.containsKey("BackOffMilliseconds") ? e.ErrorDetails.get("BackOffMilliseconds") : undefined;
    check("ErrorServerBusy (a SOAP fault) carries BackOffMilliseconds 5000", ews.ServiceError[e.ResponseCode] === "ErrorServerBusy" && String(backOff) === "5000",
      `${ews.ServiceError[e.ResponseCode]} ${backOff}`);
  }
}

async function main() {
  await autodiscover();
  await versions();
  await serverBusy();
  const manager = service("manager@contoso.com");
  const assistant = service("assistant@contoso.com");
  const mbx = new ews.Mailbox("manager@contoso.com");

  const du = new ews.DelegateUser("assistant@contoso.com");
  du.Permissions.CalendarFolderPermissionLevel = ews.DelegateFolderPermissionLevel.Editor;
  du.ReceiveCopiesOfMeetingMessages = true;
  let rs = await manager.AddDelegates(mbx, ews.MeetingRequestsDeliveryScope.DelegatesAndSendInformationToMe, [du]);
  check("AddDelegates succeeds", rs[0].Result === ews.ServiceResult.Success, ews.ServiceError[rs[0].ErrorCode]);

  rs = await manager.AddDelegates(mbx, null, [new ews.DelegateUser("assistant@contoso.com")]);
  check("AddDelegates of a delegate fails inside a Success response", ews.ServiceError[rs[0].ErrorCode] === "ErrorDelegateAlreadyExists");

  let got = await manager.GetDelegates(mbx, true);
  const d = got.DelegateUserResponses[0].DelegateUser;
  check("GetDelegates returns the delegate", d.UserId.PrimarySmtpAddress.toLowerCase() === "assistant@contoso.com");
  check("GetDelegates returns Calendar Editor", d.Permissions.CalendarFolderPermissionLevel === ews.DelegateFolderPermissionLevel.Editor);
  check("GetDelegates returns the delivery scope", got.MeetingRequestsDeliveryScope === ews.MeetingRequestsDeliveryScope.DelegatesAndSendInformationToMe);

  d.ViewPrivateItems = true;
  rs = await manager.UpdateDelegates(mbx, null, [d]);
  check("UpdateDelegates succeeds", rs[0].Result === ews.ServiceResult.Success, ews.ServiceError[rs[0].ErrorCode]);
  got = await manager.GetDelegates(mbx, false);
  check("UpdateDelegates changed ViewPrivateItems", got.DelegateUserResponses[0].DelegateUser.ViewPrivateItems === true);

  const calId = new ews.FolderId(ews.WellKnownFolderName.Calendar, mbx);
  const props = new ews.PropertySet(ews.BasePropertySet.IdOnly, [ews.FolderSchema.Permissions]);
  const folder = await ews.Folder.Bind(manager, calId, props);
  check("Folder.Bind reads the calendar's permissions", folder.Permissions.Count >= 3, `count ${folder.Permissions.Count}`);
  folder.Permissions.Add(new ews.FolderPermission("alice@contoso.com", ews.FolderPermissionLevel.Reviewer));
  await folder.Update();
  const again = await ews.Folder.Bind(manager, calId, props);
  const alice = again.Permissions.GetEnumerator().find(p => p.UserId && p.UserId.PrimarySmtpAddress && p.UserId.PrimarySmtpAddress.toLowerCase() === "alice@contoso.com");
  if (process.env.UCFAKE_DEBUG2) { for (const p of again.Permissions.GetEnumerator()) console.log(JSON.stringify({u: p.UserId && p.UserId.PrimarySmtpAddress, l: p.PermissionLevel, du: p.UserId && p.UserId.StandardUser})); }
  check("Folder.Update wrote a Reviewer entry", alice && Number(alice.PermissionLevel) === ews.FolderPermissionLevel.Reviewer);

  const appt = new ews.Appointment(assistant);
  appt.Subject = "Quarterly review";
  appt.Start = new ews.DateTime(Date.UTC(2014, 6, 8, 10));
  appt.End = new ews.DateTime(Date.UTC(2014, 6, 8, 11));
  appt.RequiredAttendees.Add("alice@contoso.com");
  await appt.Save(calId, ews.SendInvitationsMode.SendToAllAndSaveCopy);
  check("the delegate creates a meeting in the manager's calendar", appt.Id && appt.Id.UniqueId);

  const back = await ews.Appointment.Bind(assistant, appt.Id);
  check("the delegate reads the meeting back by id", back.Subject === "Quarterly review", back.Subject);
  const found = await manager.FindItems(calId, new ews.ItemView(10));
  check("the manager finds the meeting in the calendar", found.Items.some(i => i.Subject === "Quarterly review"), `${found.TotalCount} items`);

  await mail(assistant);

  const names = await manager.ResolveName("alice@contoso.com", ews.ResolveNameSearchLocation.DirectoryOnly, false);
  check("ResolveName finds alice in the GAL", names.Count === 1 && names._getItem(0).Mailbox.Address.toLowerCase() === "alice@contoso.com", `count ${names.Count}`);

  const many = await manager.ResolveName("a", ews.ResolveNameSearchLocation.DirectoryOnly, false);
  check("an ambiguous ResolveName lists every candidate", many.Count === 2, `count ${many.Count}`);

  const bobsvc = service("bob@contoso.com");
  await expectError("GetDelegates of another's mailbox without rights is denied", bobsvc.GetDelegates(mbx, true), "ErrorAccessDenied");

  const alicesvc = service("alice@contoso.com");
  const a2 = new ews.Appointment(alicesvc);
  a2.Subject = "Not allowed";
  a2.Start = new ews.DateTime(Date.UTC(2014, 6, 8, 12));
  a2.End = new ews.DateTime(Date.UTC(2014, 6, 8, 13));
  await expectError("a Reviewer cannot create in the manager's calendar", a2.Save(calId, ews.SendInvitationsMode.SendToNone), "ErrorCreateItemAccessDenied");
  const bob = service("bob@contoso.com");
  const a3 = new ews.Appointment(bob);
  a3.Subject = "No rights";
  a3.Start = new ews.DateTime(Date.UTC(2014, 6, 8, 12));
  a3.End = new ews.DateTime(Date.UTC(2014, 6, 8, 13));
  await expectError("no rights gives ErrorFolderNotFound", a3.Save(calId, ews.SendInvitationsMode.SendToNone), "ErrorFolderNotFound");

  rs = await manager.RemoveDelegates(mbx, [new ews.UserId("assistant@contoso.com")]);
  check("RemoveDelegates succeeds", rs[0].Result === ews.ServiceResult.Success, ews.ServiceError[rs[0].ErrorCode]);
  rs = await manager.RemoveDelegates(mbx, [new ews.UserId("assistant@contoso.com")]);
  check("RemoveDelegates of a non-delegate gives ErrorNotDelegate", ews.ServiceError[rs[0].ErrorCode] === "ErrorNotDelegate");
  console.log("conformance: all checks passed");
}

main().catch(e => {
  console.log("FAIL unexpected error:", e && (e.stack || e.message || e));
  process.exit(1);
});
