#!/usr/bin/env node
// KB Issue 1 over ucfake's control plane, with Node's built-in fetch only
// (Node 18 or later).
//
// Usage: node kb_issue1.mjs BASE_URL [TOKEN]   e.g. node kb_issue1.mjs http://127.0.0.1:7780
//
// The manager's Lync client is interrupted while it configures the new
// delegate (the KB's "timing issues between the two Lync clients"), so the
// assistant cannot schedule a Lync Meeting for the manager. The script checks
// the symptoms, follows the KB's resolution step by step on the manager's
// computer and checks the working state. It runs in a tenant of its own on
// the virtual clock, and exits 0 when every check holds.

const base = (process.argv[2] ?? "http://127.0.0.1:7780").replace(/\/$/, "");
const token = process.argv[3] ?? "";
const tenant = "issue1-node";
const permissionsError = "You do not have permissions to schedule Lync Meetings on behalf of the owner of this account. " +
  "Please contact the owner of the account to get delegate permissions in Microsoft Lync.";

// call sends one control-plane request and returns the decoded answer, or
// exits with the server's message.
async function call(method, path, body, { inTenant = true } = {}) {
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (inTenant) headers["X-Ucfake-Tenant"] = tenant;
  if (token) headers["Authorization"] = `Bearer ${token}`;
  const resp = await fetch(`${base}/_ucfake${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const answer = await resp.json();
  if (!resp.ok) {
    console.error(`${method} ${path}: ${resp.status} ${answer.kind}: ${answer.error}`);
    process.exit(1);
  }
  return answer;
}

// group returns the members of a contact group the computer's Lync client
// shows, or null.
async function group(computer, name) {
  const view = await call("GET", `/computers/${computer}`);
  const g = view.groups.find((g) => g.name === name);
  return g ? g.members : null;
}

function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) process.exit(1);
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// schedule has the assistant use the add-in for the manager and returns the
// outcome once the add-in's timeout has passed.
async function schedule() {
  const out = await call("POST", "/computers/PC-ASSISTANT/outlook/lync-meeting", { owner: "manager", subject: "Quarterly review" });
  await call("POST", "/clock/advance", { duration: "2m" });
  return call("GET", `/addin/${out.id}`);
}

await call("POST", "/tenants", { name: tenant, fixture: "kb000", replace: true }, { inTenant: false });
check((await call("GET", "/clock")).virtual, "the tenant runs on the virtual clock (start ucfake with --clock virtual)");
for (const pc of ["PC-MANAGER", "PC-ASSISTANT"]) {
  await call("POST", `/computers/${pc}/outlook/open`);
  await call("POST", `/computers/${pc}/lync/signin`);
}

// The cause: the manager's client stops half-way through configuring the delegate.
await call("POST", "/computers/PC-MANAGER/breaks/timing-interruption", { count: 1 });
await call("POST", "/computers/PC-MANAGER/outlook/delegates", { add: ["assistant"] });
await call("POST", "/clock/advance", { duration: "10m" });

// The symptoms.
check((await schedule()).text === permissionsError, "symptom: the add-in shows the permissions error");
check((await group("PC-ASSISTANT", "People I Manage Calls For")) === null, "symptom: no People I Manage Calls For group");
check(same(await group("PC-MANAGER", "Delegates"), ["sip:assistant@contoso.com"]), "symptom: the manager's Delegates group lists the assistant");

// The resolution, on the manager's computer.
await call("POST", "/computers/PC-MANAGER/lync/remove-from-group", { group: "Delegates", contact: "assistant" }); // steps 1-2
await call("POST", "/clock/advance", { duration: "5m" });                                                       // step 3
await call("POST", "/computers/PC-MANAGER/lync/exit");                                                          // steps 4-5
await call("POST", "/computers/PC-MANAGER/outlook/open");                                                       // step 6
await call("POST", "/computers/PC-MANAGER/outlook/delegates", { remove: ["assistant"] });                      // steps 7-10
await call("POST", "/computers/PC-MANAGER/lync/signin");                                                        // step 11
await call("POST", "/computers/PC-MANAGER/outlook/delegates", { add: ["assistant"] });                         // steps 12-16
await call("POST", "/clock/advance", { duration: "10m" });

// The working state the KB's IMPORTANT note describes.
check(same(await group("PC-MANAGER", "Delegates"), ["sip:assistant@contoso.com"]), "working: the manager's Delegates group lists the assistant");
check(same(await group("PC-ASSISTANT", "People I Manage Calls For"), ["sip:manager@contoso.com"]), "working: the assistant manages the manager's calls");
const out = await schedule();
check(out.kind === "success" && out.joinUrl.startsWith("https://meet.contoso.com/manager/"), "working: the add-in schedules the Lync Meeting");
const records = await call("GET", "/lync/delegates?delegator=manager");
check(same(records.map((r) => r.delegate), ["sip:assistant@contoso.com"]), "working: the back end has the delegate record");
await call("DELETE", `/tenants/${tenant}`, undefined, { inTenant: false });
console.log("KB Issue 1: resolved");
