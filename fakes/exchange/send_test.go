package exchange

import (
	"bytes"
	"errors"
	"io"
	"net/mail"
	"strings"
	"testing"
)

func outgoing(from string, to ...string) OutgoingMessage {
	return OutgoingMessage{From: from, To: to, Subject: "Quarterly figures, é", Body: "See attached.\r\n"}
}

// TestSendAsAndOnBehalf follows seed 001 ("I'm able to send mails as
// Annelies") and D§1.4: SendAs sends with From = the owner and no Sender,
// SendOnBehalf (held by every delegate) with Sender = the actor, and
// FullAccess or folder rights alone refuse with ErrorSendAsDenied.
func TestSendAsAndOnBehalf(t *testing.T) {
	s, _ := newTestStore(t)
	noErr(t, s.GrantMailboxRight("manager", "alice", FullAccess))
	if _, err := s.SendMessage("alice", outgoing("manager", "bob"), nil); !errors.Is(err, ErrSendAsDenied) {
		t.Fatalf("FullAccess alone sent: %v", err)
	}
	noErr(t, s.GrantMailboxRight("manager", "alice", SendAs))
	must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
	must(s.SendMessage("alice", outgoing("manager", "bob"), nil))
	must(s.SendMessage("assistant", outgoing("Manager@Contoso.com", "bob"), nil))
	if _, err := s.SendMessage("bob", outgoing("manager", "alice"), nil); !errors.Is(err, ErrSendAsDenied) {
		t.Fatalf("bob sent for the manager: %v", err)
	}
	inbox := must(s.Messages("bob", "bob", Inbox))
	if len(inbox) != 2 {
		t.Fatalf("bob has %d messages", len(inbox))
	}
	if inbox[0].From != "manager@contoso.com" || inbox[0].Sender != "" {
		t.Errorf("send as: From %q Sender %q", inbox[0].From, inbox[0].Sender)
	}
	if inbox[1].From != "manager@contoso.com" || inbox[1].Sender != "assistant@contoso.com" {
		t.Errorf("on behalf: From %q Sender %q", inbox[1].From, inbox[1].Sender)
	}
	if got := must(s.Messages("alice", "alice", Inbox)); len(got) != 0 {
		t.Errorf("a refused message was delivered: %+v", got)
	}
	// Set-Mailbox -GrantSendOnBehalfTo without Outlook delegation.
	noErr(t, s.GrantMailboxRight("manager", "bob", SendOnBehalf))
	must(s.SendMessage("bob", outgoing("manager", "alice"), nil))
	if got := must(s.Messages("alice", "alice", Inbox)); len(got) != 1 || got[0].Sender != "bob@contoso.com" {
		t.Errorf("GrantSendOnBehalfTo: %+v", got)
	}
}

// TestSentMessageIsWellFormed parses what SendMessage delivers with
// net/mail: folded, encoded header fields, CRLF lines, no Bcc.
func TestSentMessageIsWellFormed(t *testing.T) {
	s, _ := newTestStore(t)
	msg := outgoing("", "alice", "outsider@fabrikam.com")
	msg.Cc, msg.Bcc = []string{"bob"}, []string{"assistant"}
	must(s.SendMessage("manager", msg, nil))
	for _, who := range []string{"alice", "bob", "assistant"} {
		got := must(s.Messages(who, who, Inbox))
		if len(got) != 1 {
			t.Fatalf("%s has %d messages", who, len(got))
		}
	}
	raw := must(s.Messages("bob", "bob", Inbox))[0].Raw
	if bytes.Contains(bytes.ReplaceAll(raw, []byte("\r\n"), nil), []byte("\n")) {
		t.Fatalf("bare LF:\n%q", raw)
	}
	m := must(mail.ReadMessage(bytes.NewReader(raw)))
	dec := new(mail.AddressParser)
	from := must(dec.Parse(m.Header.Get("From")))
	subject := must(new(mimeDecoder).d.DecodeHeader(m.Header.Get("Subject")))
	body := must(io.ReadAll(m.Body))
	switch {
	case from.Address != "manager@contoso.com" || from.Name != "The manager":
		t.Errorf("From %+v", from)
	case m.Header.Get("Bcc") != "" || strings.Contains(string(raw), "assistant@"):
		t.Errorf("Bcc leaked:\n%s", raw)
	case subject != "Quarterly figures, é":
		t.Errorf("Subject %q", subject)
	case !strings.Contains(m.Header.Get("To"), "outsider@fabrikam.com") || m.Header.Get("Message-Id") == "":
		t.Errorf("To %q, Message-Id %q", m.Header.Get("To"), m.Header.Get("Message-Id"))
	case !strings.Contains(string(body), "See attached."):
		t.Errorf("body %q", body)
	}
}

// TestSendAndSaveCopy: the copy lands, read, where asked, if the actor may
// create items there; a refused copy sends nothing.
func TestSendAndSaveCopy(t *testing.T) {
	s, _ := newTestStore(t)
	must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
	if _, err := s.SendMessage("assistant", outgoing("manager", "bob"), &FolderRef{"manager", SentItems}); !errors.Is(err, ErrFolderNotFound) {
		t.Fatalf("copy into a folder without rights: %v", err)
	}
	if len(must(s.Messages("bob", "bob", Inbox))) != 0 {
		t.Fatal("delivered although the copy was refused")
	}
	saved := must(s.SendMessage("assistant", outgoing("manager", "bob"), &FolderRef{"assistant", SentItems}))
	if saved.Folder != SentItems || saved.Mailbox != "assistant@contoso.com" || !hasFlag(saved.Flags, `\Seen`) || saved.Sender != "assistant@contoso.com" {
		t.Fatalf("copy %+v", saved)
	}
	got := must(s.FindMessage("assistant", "assistant", saved.ID))
	if got.ID != saved.ID {
		t.Fatalf("FindMessage %+v", got)
	}
	if _, err := s.FindMessage("bob", "assistant", saved.ID); !errors.Is(err, ErrItemNotFound) {
		t.Fatalf("bob read the assistant's sent item: %v", err)
	}
	if _, err := s.SendMessage("manager", OutgoingMessage{Subject: "nobody"}, nil); !errors.Is(err, ErrInvalidRecipients) {
		t.Fatalf("no recipients: %v", err)
	}
	if total, unread := s.FolderCounts("bob", Inbox); total != 1 || unread != 1 {
		t.Fatalf("counts %d/%d", total, unread)
	}
}

// TestSaveMessage keeps a draft without sending it.
func TestSaveMessage(t *testing.T) {
	s, _ := newTestStore(t)
	d := must(s.SaveMessage("manager", outgoing("", "bob"), FolderRef{"manager", Drafts}))
	if d.Folder != Drafts || !hasFlag(d.Flags, `\Draft`) {
		t.Fatalf("draft %+v", d)
	}
	if len(must(s.Messages("bob", "bob", Inbox))) != 0 {
		t.Fatal("a draft was sent")
	}
	if _, err := s.SaveMessage("bob", outgoing("", "alice"), FolderRef{"manager", Drafts}); !errors.Is(err, ErrFolderNotFound) {
		t.Fatalf("bob saved into the manager's drafts: %v", err)
	}
}
