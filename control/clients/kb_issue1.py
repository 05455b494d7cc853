#!/usr/bin/env python3
"""KB Issue 1 over ucfake's control plane, with Python's standard library only.

Usage: kb_issue1.py BASE_URL [TOKEN]   e.g. kb_issue1.py http://127.0.0.1:7780

The manager's Lync client is interrupted while it configures the new
delegate (the KB's "timing issues between the two Lync clients"), so the
assistant cannot schedule a Lync Meeting for the manager. The script checks
the symptoms, follows the KB's resolution step by step on the manager's
computer and checks the working state. It runs in a tenant of its own on
the virtual clock, and exits 0 when every check holds.
"""
import json
import sys
import urllib.error
import urllib.request

BASE = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:7780"
TOKEN = sys.argv[2] if len(sys.argv) > 2 else ""
TENANT = "issue1-python"
PERMISSIONS_ERROR = ("You do not have permissions to schedule Lync Meetings on behalf of the owner of this account. "
                     "Please contact the owner of the account to get delegate permissions in Microsoft Lync.")


def call(method, path, body=None, tenant=TENANT):
    """One control-plane request; returns the decoded answer or raises with the server's message."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + "/_ucfake" + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if tenant:
        req.add_header("X-Ucfake-Tenant", tenant)
    if TOKEN:
        req.add_header("Authorization", "Bearer " + TOKEN)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.load(resp)
    except urllib.error.HTTPError as e:
        answer = json.load(e)
        raise SystemExit(f"{method} {path}: {e.code} {answer.get('kind')}: {answer.get('error')}")


def group(computer, name):
    """The members of a contact group the computer's Lync client shows, or None."""
    for g in call("GET", "/computers/" + computer)["groups"]:
        if g["name"] == name:
            return g["members"]
    return None


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        raise SystemExit(1)


def schedule():
    """The assistant uses the add-in for the manager; the outcome once the add-in's timeout has passed."""
    out = call("POST", "/computers/PC-ASSISTANT/outlook/lync-meeting", {"owner": "manager", "subject": "Quarterly review"})
    call("POST", "/clock/advance", {"duration": "2m"})
    return call("GET", "/addin/%d" % out["id"])


def main():
    call("POST", "/tenants", {"name": TENANT, "fixture": "kb000", "replace": True}, tenant=None)
    check(call("GET", "/clock")["virtual"], "the tenant runs on the virtual clock (start ucfake with --clock virtual)")
    for pc in ("PC-MANAGER", "PC-ASSISTANT"):
        call("POST", "/computers/%s/outlook/open" % pc)
        call("POST", "/computers/%s/lync/signin" % pc)

    # The cause: the manager's client stops half-way through configuring the delegate.
    call("POST", "/computers/PC-MANAGER/breaks/timing-interruption", {"count": 1})
    call("POST", "/computers/PC-MANAGER/outlook/delegates", {"add": ["assistant"]})
    call("POST", "/clock/advance", {"duration": "10m"})

    # The symptoms.
    check(schedule()["text"] == PERMISSIONS_ERROR, "symptom: the add-in shows the permissions error")
    check(group("PC-ASSISTANT", "People I Manage Calls For") is None, "symptom: no People I Manage Calls For group")
    check(group("PC-MANAGER", "Delegates") == ["sip:assistant@contoso.com"], "symptom: the manager's Delegates group lists the assistant")

    # The resolution, on the manager's computer.
    call("POST", "/computers/PC-MANAGER/lync/remove-from-group", {"group": "Delegates", "contact": "assistant"})  # steps 1-2
    call("POST", "/clock/advance", {"duration": "5m"})                                                        # step 3
    call("POST", "/computers/PC-MANAGER/lync/exit")                                                           # steps 4-5
    call("POST", "/computers/PC-MANAGER/outlook/open")                                                        # step 6
    call("POST", "/computers/PC-MANAGER/outlook/delegates", {"remove": ["assistant"]})                       # steps 7-10
    call("POST", "/computers/PC-MANAGER/lync/signin")                                                         # step 11
    call("POST", "/computers/PC-MANAGER/outlook/delegates", {"add": ["assistant"]})                          # steps 12-16
    call("POST", "/clock/advance", {"duration": "10m"})

    # The working state the KB's IMPORTANT note describes.
    check(group("PC-MANAGER", "Delegates") == ["sip:assistant@contoso.com"], "working: the manager's Delegates group lists the assistant")
    check(group("PC-ASSISTANT", "People I Manage Calls For") == ["sip:manager@contoso.com"], "working: the assistant manages the manager's calls")
    out = schedule()
    check(out["kind"] == "success" and out["joinUrl"].startswith("https://meet.contoso.com/manager/"), "working: the add-in schedules the Lync Meeting")
    records = call("GET", "/lync/delegates?delegator=manager")
    check([r["delegate"] for r in records] == ["sip:assistant@contoso.com"], "working: the back end has the delegate record")
    call("DELETE", "/tenants/" + TENANT, tenant=None)
    print("KB Issue 1: resolved")


if __name__ == "__main__":
    main()
