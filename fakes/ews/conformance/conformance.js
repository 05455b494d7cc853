// Drives ucfake's EWS with the unmodified ews-javascript-api client.
// Usage: UCFAKE_EWS_URL=http://127.0.0.1:PORT/EWS/Exchange.asmx node conformance.js
// Prints one line per check and exits non-zero on the first failure.
"use strict";
const ews = require("ews-javascript-api");
if (process.env.UCFAKE_DEBUG) { ews.EwsLogging.DebugLogEnabled = true; }

const url = process.env.UCFAKE_EWS_URL;
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

async function main() {
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
