// Drives ucfake's IMAP with the unmodified imapflow client.
// Usage: UCFAKE_IMAP_ADDR=127.0.0.1:PORT node conformance.js (run by
// imapflow_test.go, which answers its steps).
// Prints one line per check and exits non-zero on the first failure. At a
// step that needs the world to change it prints "STEP <name>" and waits
// for a line on stdin ("GO") saying the change is made.
"use strict";
const { ImapFlow } = require("imapflow");
const readline = require("readline");

const [host, port] = (process.env.UCFAKE_IMAP_ADDR || "127.0.0.1:143").split(":");
const password = process.env.UCFAKE_PASSWORD || "Pa$$w0rd";

const stdin = readline.createInterface({ input: process.stdin });
const lines = stdin[Symbol.asyncIterator]();

// step asks the Go test to change the world and waits until it has.
async function step(name) {
  console.log(`STEP ${name}`);
  const { value, done } = await lines.next();
  check(`step ${name}`, !done && value === "GO", `got ${value}`);
}

function check(name, ok, detail) {
  if (!ok) {
    console.log(`FAIL ${name}: ${detail || ""}`);
    process.exit(1);
  }
  console.log(`ok   ${name}`);
}

function client(user, loginMethod) {
  return new ImapFlow({
    host, port: Number(port), secure: false, logger: false,
    auth: { user, pass: password, loginMethod },
  });
}

// withTimeout fails a check that takes longer than ms.
function withTimeout(name, promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${name}: no answer within ${ms} ms`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// The shared-mailbox logins, each through LOGIN (imapflow's choice for a
// name with a backslash) and through AUTHENTICATE PLAIN.
const sharedLogins = [
  ["assistant@contoso.com\\manager@contoso.com", "LOGIN"],
  ["assistant@contoso.com\\manager@contoso.com", "AUTH=PLAIN"],
  ["CONTOSO\\assistant\\manager", "LOGIN"],
  ["CONTOSO\\assistant\\manager", "AUTH=PLAIN"],
];

async function refusedWithoutFullAccess() {
  for (const [user, method] of sharedLogins) {
    const c = client(user, method);
    c.on("error", () => {});
    let err;
    try {
      await c.connect();
    } catch (e) {
      err = e;
    }
    check(`${user} (${method}) without FullAccess is refused`, err && err.authenticationFailed,
      err ? `${err.message} ${err.serverResponseCode || ""}` : "logged in");
    if (!err) await c.logout();
  }
}

async function opensTheManagersInbox() {
  for (const [user, method] of sharedLogins) {
    const c = client(user, method);
    await c.connect();
    const box = await c.mailboxOpen("INBOX");
    const msg = await c.fetchOne("*", { envelope: true });
    check(`${user} (${method}) with FullAccess opens the manager's INBOX`,
      box.exists === 1 && msg.envelope.subject === "For the manager's eyes", `${box.exists} ${msg && msg.envelope.subject}`);
    await c.logout();
  }
}

// idleSeesTheInvitation idles on the attendee's INBOX while the delegate
// schedules a meeting on the manager's behalf, then reads the invitation's
// envelope: From the manager, Sender the delegate.
async function idleSeesTheInvitation() {
  const c = client("attendee@contoso.com");
  await c.connect();
  const box = await c.mailboxOpen("INBOX");
  const before = box.exists;
  const exists = new Promise((resolve) => c.on("exists", resolve));
  const idling = c.idle();
  for (let i = 0; i < 200 && !c.idling; i++) await new Promise((r) => setTimeout(r, 10));
  check("IDLE started", c.idling, "imapflow is not idling");
  await step("invite");
  const ev = await withTimeout("EXISTS while idling", exists, 20000);
  check("IDLE tells of the new invitation", ev.count === before + 1, JSON.stringify(ev));
  const msg = await c.fetchOne(ev.count, { envelope: true });
  await idling;
  const e = msg.envelope;
  check("the invitation's subject", e.subject === "Quarterly review", e.subject);
  check("From is the manager", e.from.length === 1 && e.from[0].address === "manager@contoso.com", JSON.stringify(e.from));
  check("Sender is the delegate", e.sender.length === 1 && e.sender[0].address === "assistant@contoso.com", JSON.stringify(e.sender));
  await c.logout();
}

// appendAndFlags appends a draft, flags it, finds it by its flags, and is
// refused an APPEND over the server's limit.
async function appendAndFlags() {
  const c = client("attendee@contoso.com");
  await c.connect();
  await c.mailboxOpen("INBOX");
  const raw = "From: attendee@contoso.com\r\nTo: manager@contoso.com\r\nSubject: Draft agenda\r\n\r\n1. Budget\r\n";
  const res = await c.append("INBOX", raw, ["\\Draft"]);
  check("APPEND answers the new UID", res && res.uid > 0, res && `uid ${res.uid}`);
  const uid = res.uid;
  let flags = (await c.fetchOne(String(uid), { flags: true }, { uid: true })).flags;
  check("APPEND stored its flags", flags.has("\\Draft") && !flags.has("\\Seen"), [...flags].join(" "));
  await c.messageFlagsAdd(String(uid), ["\\Flagged", "\\Seen"], { uid: true });
  flags = (await c.fetchOne(String(uid), { flags: true }, { uid: true })).flags;
  check("STORE +FLAGS", flags.has("\\Flagged") && flags.has("\\Seen") && flags.has("\\Draft"), [...flags].join(" "));
  const flagged = await c.search({ flagged: true }, { uid: true });
  check("SEARCH FLAGGED finds it", flagged.length === 1 && flagged[0] === uid, JSON.stringify(flagged));
  const unseen = await c.search({ seen: false }, { uid: true });
  check("SEARCH UNSEEN leaves it out", !unseen.includes(uid), JSON.stringify(unseen));
  await c.messageFlagsRemove(String(uid), ["\\Flagged"], { uid: true });
  const none = await c.search({ flagged: true }, { uid: true });
  check("STORE -FLAGS", none.length === 0, JSON.stringify(none));
  let err;
  try {
    await c.append("INBOX", "Subject: big\r\n\r\n" + "x".repeat(17 << 20));
  } catch (e) {
    err = e;
  }
  check("APPEND over the limit is refused NO [TOOBIG]", err && err.responseStatus === "NO" && err.serverResponseCode === "TOOBIG",
    err ? `${err.responseStatus} ${err.serverResponseCode} ${err.responseText}` : "stored");
  const count = (await c.status("INBOX", { messages: true })).messages;
  await c.logout();
  return count;
}

(async () => {
  await refusedWithoutFullAccess();
  await step("grant");
  await opensTheManagersInbox();
  await idleSeesTheInvitation();
  const count = await appendAndFlags();
  console.log(`DONE ${count}`);
  process.exit(0);
})().catch((e) => {
  console.log(`FAIL ${e.stack || e}`);
  process.exit(1);
});
