#!/usr/bin/python3
"""Drives ucfake's EWS with the unmodified exchangelib of Debian's
python3-exchangelib (pinned: PINNED below), as a vendor's Python code would.

Usage: UCFAKE_EWS_URL=http://127.0.0.1:PORT/EWS/Exchange.asmx /usr/bin/python3 exchangelib_conformance.py
Prints one line per check and exits non-zero on the first failure.

No version hint is given: every Account is autodiscover=False with a
Configuration without version or auth type, so exchangelib probes the
server version with ConvertId and the auth type with a 401, as it does
against a real server. exchangelib 4.9 has no AddDelegate, UpdateDelegate or
RemoveDelegate service; the script adds them as EWSAccountService
subclasses built the way exchangelib builds its own GetDelegate.
"""
import datetime
import logging
import os
import sys

import exchangelib
from exchangelib import DELEGATE, Account, CalendarItem, Configuration, Credentials, Mailbox, Message
from exchangelib.errors import (
    ErrorAccessDenied,
    ErrorCreateItemAccessDenied,
    ErrorDelegateAlreadyExists,
    ErrorFolderNotFound,
    ErrorInvalidIdMalformed,
    ErrorNonExistentMailbox,
    ErrorNotDelegate,
    ErrorSchemaValidation,
    ErrorSendAsDenied,
    ErrorServerBusy,
    ResponseMessageError,
)
from exchangelib.ewsdatetime import UTC, EWSDateTime
from exchangelib.folders import Calendar, Root
from exchangelib.items import MeetingRequest, SEND_TO_ALL_AND_SAVE_COPY
from exchangelib.properties import (
    CalendarPermission,
    DelegatePermissions,
    DelegateUser,
    DLMailbox,
    ItemId,
    PermissionSet,
    UserId,
)
from exchangelib.services.common import EWSAccountService
from exchangelib.util import MNS, add_xml_child, create_element, set_xml_value
from exchangelib.version import Build

PINNED = "4.9.0"
URL = os.environ["UCFAKE_EWS_URL"]
POX_URL = os.environ["UCFAKE_POX_URL"]
PASSWORD = os.environ.get("UCFAKE_PASSWORD", "pw")
DOMAIN = "contoso.com"

if os.environ.get("UCFAKE_DEBUG"):
    logging.basicConfig(level=logging.DEBUG)


def check(name, ok, detail=""):
    if not ok:
        print(f"FAIL {name}: {detail}")
        sys.exit(1)
    print(f"ok   {name}")


def expect_error(name, fn, cls):
    try:
        got = fn()
    except cls:
        check(name, True)
        return
    except Exception as e:  # noqa: BLE001 - any other failure is the finding
        check(name, False, f"got {type(e).__name__}: {e}")
    check(name, isinstance(got, cls), f"no error, got {got!r}")


def addr(user):
    return f"{user}@{DOMAIN}"


def account(owner, user=None):
    """The mailbox of owner, opened with user's credentials (owner's own by
    default): no autodiscover, no version, no auth type."""
    creds = Credentials(addr(user or owner), PASSWORD)
    config = Configuration(service_endpoint=URL, credentials=creds)
    return Account(addr(owner), credentials=creds, config=config, autodiscover=False, access_type=DELEGATE)


def delegate_user_xml(du, version):
    """A DelegateUser of a request, in the types namespace (exchangelib's own
    DelegateUser class renders the messages-namespace element of responses)."""
    elem = create_element("t:DelegateUser")
    set_xml_value(elem, du.user_id, version=version)
    if du.delegate_permissions is not None:
        set_xml_value(elem, du.delegate_permissions, version=version)
    for name, value in (("ReceiveCopiesOfMeetingMessages", du.receive_copies_of_meeting_messages),
                        ("ViewPrivateItems", du.view_private_items)):
        if value is not None:
            add_xml_child(elem, f"t:{name}", value)
    return elem


class _DelegateService(EWSAccountService):
    """AddDelegate / UpdateDelegate / RemoveDelegate on the account's mailbox,
    answered like GetDelegate: one DelegateUserResponseMessageType per user,
    errors returned as exception instances."""

    ERRORS_TO_CATCH_IN_RESPONSE = (ResponseMessageError,)

    def call(self, body, deliver_meeting_requests=None):
        payload = create_element(f"m:{self.SERVICE_NAME}")
        set_xml_value(payload, DLMailbox(email_address=self.account.primary_smtp_address), version=self.account.version)
        payload.append(body)
        if deliver_meeting_requests:
            add_xml_child(payload, "m:DeliverMeetingRequests", deliver_meeting_requests)
        return list(self._elems_to_objs(self._get_elements(payload=payload)))

    def _elem_to_obj(self, elem):
        if elem is True:  # a success without a DelegateUser (RemoveDelegate)
            return True
        return DelegateUser.from_xml(elem=elem, account=self.account)

    @classmethod
    def _get_elements_in_container(cls, container):
        return container.findall(DelegateUser.response_tag()) or [True]

    @classmethod
    def _response_message_tag(cls):
        return f"{{{MNS}}}DelegateUserResponseMessageType"


class AddDelegate(_DelegateService):
    SERVICE_NAME = "AddDelegate"


class UpdateDelegate(_DelegateService):
    SERVICE_NAME = "UpdateDelegate"


class RemoveDelegate(_DelegateService):
    SERVICE_NAME = "RemoveDelegate"


def delegate_users(acct, *users):
    container = create_element("m:DelegateUsers")
    for du in users:
        container.append(delegate_user_xml(du, acct.version))
    return container


def user_ids(acct, *addresses):
    container = create_element("m:UserIds")
    for a in addresses:
        set_xml_value(container, UserId(primary_smtp_address=a), version=acct.version)
    return container


def other_calendar(acct):
    """acct's Calendar without reading acct's root: exchangelib 4.9's
    account.calendar first reads the mailbox root, which Exchange refuses to a
    delegate who has rights on the calendar only."""
    root = Root(account=acct, name="root", is_distinguished=True)
    return Calendar(root=root, name="calendar", is_distinguished=True)


def when(hour, day=8):
    return EWSDateTime(2014, 7, day, hour, 0, tzinfo=UTC)


def version_and_folders(manager):
    v = manager.version
    check("the version probe finds Exchange 2013 SP1 (15.0.847.32)", v.build == Build(15, 0, 847, 32), f"{v.build}")
    check("the probe settles on API version Exchange2013_SP1", v.api_version == "Exchange2013_SP1", v.api_version)
    check("account.root reads the mailbox root", manager.root.is_distinguished)
    for attr, name in (("inbox", "Inbox"), ("calendar", "Calendar"), ("drafts", "Drafts"), ("outbox", "Outbox"),
                       ("sent", "Sent Items"), ("trash", "Deleted Items"), ("junk", "Junk E-Mail"),
                       ("contacts", "Contacts"), ("tasks", "Tasks"), ("msg_folder_root", "Top of Information Store")):
        f = getattr(manager, attr)
        check(f"account.{attr} is the distinguished {name}", f.name == name, f"{f.name!r}")
    names = {f.name for f in manager.root.walk()}
    check("root.walk() (FindFolder Deep) lists the hierarchy", {"Inbox", "Sync Issues", "Conflicts"} <= names, f"{sorted(names)}")


def delegates(manager):
    du = DelegateUser(
        user_id=UserId(primary_smtp_address=addr("assistant")),
        delegate_permissions=DelegatePermissions(calendar_folder_permission_level="Editor"),
        receive_copies_of_meeting_messages=True,
        view_private_items=False,
    )
    res = AddDelegate(account=manager).call(delegate_users(manager, du), "DelegatesAndMe")
    check("AddDelegate adds the assistant", isinstance(res[0], DelegateUser), f"{res}")
    res = AddDelegate(account=manager).call(delegate_users(manager, du))
    check("AddDelegate of a delegate is ErrorDelegateAlreadyExists", isinstance(res[0], ErrorDelegateAlreadyExists), f"{res}")
    got = manager.delegates
    check("account.delegates reads the delegate", [d.user_id.primary_smtp_address.lower() for d in got] == [addr("assistant")], f"{got}")
    check("the delegate has Calendar Editor", got[0].delegate_permissions.calendar_folder_permission_level == "Editor")
    check("the delegate receives copies of meeting messages", got[0].receive_copies_of_meeting_messages is True)
    du.view_private_items = True
    res = UpdateDelegate(account=manager).call(delegate_users(manager, du))
    check("UpdateDelegate changes ViewPrivateItems", isinstance(res[0], DelegateUser) and res[0].view_private_items is True, f"{res}")
    check("account.delegates reads the update", manager.delegates[0].view_private_items is True)
    temp = DelegateUser(user_id=UserId(primary_smtp_address=addr("bob")))
    AddDelegate(account=manager).call(delegate_users(manager, temp))
    res = RemoveDelegate(account=manager).call(user_ids(manager, addr("bob"), addr("bob")))
    check("RemoveDelegate removes bob, then finds him gone", res[0] is True and isinstance(res[1], ErrorNotDelegate), f"{res}")
    check("account.delegates no longer lists bob", len(manager.delegates) == 1)
    expect_error("account.delegates of another's mailbox without rights is ErrorAccessDenied",
                 lambda: account("manager", user="bob").delegates, ErrorAccessDenied)


def permissions(manager):
    cal = manager.calendar.refresh()  # account.calendar is cached from before the delegate was added
    entries = cal.permission_set.calendar_permissions
    default = [p for p in entries if p.user_id.distinguished_user == "Default"]
    check("permission_set reads Default FreeBusyTimeOnly on the calendar",
          default and default[0].calendar_permission_level == "FreeBusyTimeOnly", f"{entries}")
    assistant = [p for p in entries if (p.user_id.primary_smtp_address or "").lower() == addr("assistant")]
    check("permission_set shows the delegate's Editor entry", assistant and assistant[0].calendar_permission_level == "Editor", f"{entries}")
    alice = [p for p in entries if (p.user_id.primary_smtp_address or "").lower() == addr("alice")]
    check("permission_set shows alice's Reviewer entry", alice and alice[0].calendar_permission_level == "Reviewer", f"{entries}")
    # exchangelib 4.9 writes a PermissionSet inside a PermissionSet, UserId
    # last and "CanCreateSubfolders": Exchange's schema validator refuses it.
    # (It cannot even write back what it read: its CalendarPermission knows
    # no ReadItems "TimeOnly"; entries are rebuilt from their levels.)
    rebuilt = [CalendarPermission(user_id=p.user_id, calendar_permission_level=p.calendar_permission_level) for p in entries]
    bob = CalendarPermission(user_id=UserId(primary_smtp_address=addr("bob")), calendar_permission_level="Reviewer")
    cal.permission_set = PermissionSet(calendar_permissions=rebuilt + [bob])
    expect_error("saving permission_set with exchangelib 4.9 is refused as schema-invalid (ErrorSchemaValidation)",
                 lambda: cal.save(update_fields=["permission_set"]), ErrorSchemaValidation)
    again = manager.calendar.refresh().permission_set.calendar_permissions
    check("the refused save changed nothing", len(again) == len(entries), f"{again}")


def calendar_on_behalf():
    as_assistant = account("manager", user="assistant")
    expect_error("a delegate's account.calendar needs the root, which Exchange refuses (ErrorAccessDenied)",
                 lambda: as_assistant.calendar, ErrorAccessDenied)
    cal = other_calendar(as_assistant)
    item = CalendarItem(account=as_assistant, folder=cal, subject="Quarterly review", start=when(10), end=when(11),
                        location="Room 12", required_attendees=[addr("alice")])
    item.save(send_meeting_invitations=SEND_TO_ALL_AND_SAVE_COPY)
    check("the delegate creates a meeting in the manager's calendar", bool(item.id))
    for who, cls, why in (("alice", ErrorCreateItemAccessDenied, "a Reviewer"), ("bob", ErrorFolderNotFound, "no rights")):
        acct = account("manager", user=who)
        denied = CalendarItem(account=acct, folder=other_calendar(acct), subject="Not allowed", start=when(12), end=when(13))
        expect_error(f"{why} cannot create in the manager's calendar ({cls.__name__})", lambda: denied.save(), cls)
    # Without .only() of simple fields exchangelib follows FindItem with a
    # GetItem, for which it reads the root again; FindItem alone returns these.
    view = list(cal.view(start=when(9), end=when(12)).only("subject", "start", "end"))
    check("the delegate's CalendarView finds the meeting", [i.subject for i in view] == ["Quarterly review"], f"{view}")
    check("with its start and end", (view[0].start, view[0].end) == (when(10), when(11)), f"{view[0].start} {view[0].end}")
    check("CalendarView outside the meeting is empty", list(cal.view(start=when(14), end=when(15)).only("subject")) == [])
    own = list(account("manager").calendar.view(start=when(0), end=when(23)))
    check("the manager sees the meeting in their own calendar", len(own) == 1 and own[0].location == "Room 12", f"{own}")
    check("organised by the manager, alice invited", own[0].organizer.email_address.lower() == addr("manager")
          and [a.mailbox.email_address.lower() for a in own[0].required_attendees] == [addr("alice")], f"{own[0]}")


def invitation_in_inbox():
    alice = account("alice")
    found = list(alice.inbox.filter(subject="Quarterly review"))
    check("the invitation reaches the attendee's inbox", len(found) == 1, f"{found}")
    inv = found[0]
    check("it is a MeetingRequest", isinstance(inv, MeetingRequest), type(inv).__name__)
    check("From is the manager", inv.author.email_address.lower() == addr("manager"), f"{inv.author}")
    check("Sender is the delegate", inv.sender.email_address.lower() == addr("assistant"), f"{inv.sender}")
    mime = inv.mime_content.decode()
    check("MimeContent carries From, Sender and the VEVENT",
          "Sender:" in mime and "From:" in mime and "SENT-BY" in mime and "BEGIN:VEVENT" in mime, mime[:300])
    check("the meeting request has the meeting's start", inv.start == when(10), f"{inv.start}")


def mail_as_and_on_behalf():
    ann = account("annelies", user="ilse")
    Message(account=ann, folder=ann.sent, subject="Sent as Annelies", body="Hello", to_recipients=[addr("bob")]).send_and_save()
    copies = list(ann.sent.filter(subject="Sent as Annelies"))
    check("Send As with FullAccess saves the copy in Annelies' Sent Items", len(copies) == 1, f"{copies}")
    asst = account("assistant")
    Message(account=asst, author=Mailbox(email_address=addr("manager")), subject="On behalf of the manager",
            body="Hi", to_recipients=[addr("bob")]).send()
    check("the delegate's copy is in the delegate's Sent Items", asst.sent.filter(subject="On behalf of the manager").count() == 1)
    bob = account("bob")
    sent_as = bob.inbox.get(subject="Sent as Annelies")
    check("send as: From and Sender are Annelies",
          sent_as.author.email_address.lower() == addr("annelies") and sent_as.sender.email_address.lower() == addr("annelies"),
          f"{sent_as.author} {sent_as.sender}")
    behalf = bob.inbox.get(subject="On behalf of the manager")
    check("on behalf: From is the manager, Sender the delegate",
          behalf.author.email_address.lower() == addr("manager") and behalf.sender.email_address.lower() == addr("assistant"),
          f"{behalf.author} {behalf.sender}")
    refused = Message(account=bob, author=Mailbox(email_address=addr("manager")), subject="Forged", to_recipients=[addr("alice")])
    expect_error("sending for the manager without rights is ErrorSendAsDenied", lambda: refused.send(save_copy=False), ErrorSendAsDenied)


def paging():
    bob = account("bob")
    for i in range(5):
        Message(account=bob, subject=f"Page {i}", body="x", to_recipients=[addr("bob")]).send(save_copy=False)
    qs = bob.inbox.filter(subject__startswith="Page").order_by("subject")
    qs.page_size = 2
    subjects = [m.subject for m in qs]
    check("paged FindItem (IndexedPageItemView, 2 a page) returns every message in order",
          subjects == [f"Page {i}" for i in range(5)], f"{subjects}")
    check("Contains IgnoreCase (subject__icontains) matches", bob.inbox.filter(subject__icontains="page 3").count() == 1)
    check("Contains Exact (subject__contains) respects case", bob.inbox.filter(subject__contains="page 3").count() == 0)
    newest = bob.inbox.all().order_by("-datetime_received")[:1]
    check("order_by and slicing", len(list(newest)) == 1)


def typed_errors(manager):
    got = list(manager.fetch(ids=[ItemId(id="!!", changekey=None)]))
    check("GetItem of a garbled id returns ErrorInvalidIdMalformed", isinstance(got[0], ErrorInvalidIdMalformed), f"{got}")
    expect_error("a mailbox that does not exist is ErrorNonExistentMailbox",
                 lambda: account("nobody", user="manager").root, ErrorNonExistentMailbox)


def scripted_fault():
    bob = account("bob")
    expect_error("a scripted ErrorServerBusy fault surfaces as ErrorServerBusy",
                 lambda: bob.protocol.resolve_names(names=["alice"]), ErrorServerBusy)
    again = bob.protocol.resolve_names(names=[addr("alice")])
    check("the fault fired once; the next call succeeds", len(again) == 1, f"{again}")


def version_probes():
    """exchangelib's version probe (ConvertId, newest API version first,
    stepping down on ErrorInvalidServerVersion) against each Exchange
    version ucfake emulates, then a folder read in the version found."""
    for name, build, full in (("Exchange2010_SP2", Build(14, 2, 247, 5), "Microsoft Exchange Server 2010 SP2"),
                              ("Exchange2013_SP1", Build(15, 0, 847, 32), "Microsoft Exchange Server 2013 SP1"),
                              ("Exchange2016", Build(15, 1, 2507, 6), "Microsoft Exchange Server 2016")):
        url = os.environ["UCFAKE_EWS_URL_" + name.upper()]
        creds = Credentials(addr("manager"), PASSWORD)
        acct = Account(addr("manager"), credentials=creds, config=Configuration(service_endpoint=url, credentials=creds),
                       autodiscover=False, access_type=DELEGATE)
        v = acct.version
        check(f"the version probe finds {full} ({build})", v.build == build and v.api_version == name and v.fullname == full, f"{v}")
        check(f"{name}: the inbox reads in that version", acct.inbox.name == "Inbox")


def honours_back_off():
    """exchangelib's FaultTolerance waits BackOffMilliseconds out: the
    server refused bob's first ResolveNames with a 1.5 s back-off."""
    import time

    from exchangelib.protocol import FaultTolerance

    creds = Credentials(addr("bob"), PASSWORD)
    config = Configuration(service_endpoint=os.environ["UCFAKE_THROTTLED_URL"], credentials=creds, retry_policy=FaultTolerance(max_wait=30))
    bob = Account(addr("bob"), credentials=creds, config=config, autodiscover=False, access_type=DELEGATE)
    start = time.monotonic()
    got = bob.protocol.resolve_names(names=[addr("alice")])
    waited = time.monotonic() - start
    check("FaultTolerance waits the BackOffMilliseconds out and succeeds", len(got) == 1 and waited >= 1.5, f"{got} after {waited:.2f} s")


def pox_autodiscover():
    """exchangelib's own POX autodiscover, its cache primed with ucfake's
    endpoint (it would otherwise try https://contoso.com/ and DNS)."""
    from exchangelib import BASIC
    from exchangelib.autodiscover import AutodiscoverProtocol, autodiscover_cache, clear_cache

    creds = Credentials(addr("alice"), PASSWORD)
    ad = AutodiscoverProtocol(config=Configuration(service_endpoint=POX_URL, credentials=creds, auth_type=BASIC))
    try:
        with autodiscover_cache:
            autodiscover_cache[(DOMAIN, creds)] = ad
        acct = Account(addr("alice"), credentials=creds, autodiscover=True, access_type=DELEGATE)
        check("POX autodiscover answers the EWS URL", acct.protocol.service_endpoint == URL, acct.protocol.service_endpoint)
        b = acct.version.build
        check("and ServerVersion 15.0.847 (Exchange2013_SP1)", (b.major_version, b.minor_version, b.major_build) == (15, 0, 847)
              and acct.version.api_version == "Exchange2013_SP1", f"{acct.version}")
        check("the autodiscovered account reads its inbox", acct.inbox.name == "Inbox")
    finally:
        clear_cache()


def main():
    check(f"exchangelib is the pinned {PINNED}", exchangelib.__version__ == PINNED, exchangelib.__version__)
    manager = account("manager")
    version_and_folders(manager)
    delegates(manager)
    permissions(manager)
    calendar_on_behalf()
    invitation_in_inbox()
    mail_as_and_on_behalf()
    paging()
    typed_errors(manager)
    scripted_fault()
    pox_autodiscover()
    version_probes()
    honours_back_off()
    print("exchangelib conformance: all checks passed")


if __name__ == "__main__":
    try:
        main()
    except SystemExit:
        raise
    except Exception as e:  # noqa: BLE001
        import traceback

        traceback.print_exc()
        print(f"FAIL unexpected error: {type(e).__name__}: {e}")
        sys.exit(1)
