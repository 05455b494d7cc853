package ews

import (
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// recipientsEl is a list of t:Mailbox elements (ToRecipients, ...).
type recipientsEl struct {
	Mailboxes []mailboxEl `xml:"Mailbox"`
}

func (r recipientsEl) addresses() []string {
	var out []string
	for _, m := range r.Mailboxes {
		if a := strings.TrimSpace(m.EmailAddress); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// messageEl is a t:Message of a CreateItem request.
type messageEl struct {
	Subject string `xml:"Subject"`
	Body    struct {
		Type string `xml:"BodyType,attr"`
		Text string `xml:",chardata"`
	} `xml:"Body"`
	To   recipientsEl `xml:"ToRecipients"`
	Cc   recipientsEl `xml:"CcRecipients"`
	Bcc  recipientsEl `xml:"BccRecipients"`
	From *struct {
		Mailbox mailboxEl `xml:"Mailbox"`
	} `xml:"From"`
	Mime        *string  `xml:"MimeContent"`
	Attachments *present `xml:"Attachments"`
}

var (
	errDispositionRequired = refuse("ErrorMessageDispositionRequired", "MessageDisposition attribute is required.")
	errMimeNotSupported    = refuse("ErrorInvalidRequest", "ucfake does not create messages from MimeContent; send Subject, Body and recipients.")
	errNoAttachments       = refuse("ErrorInvalidRequest", "ucfake does not keep attachments; send the message without them.")
)

// createMessages handles the request's messages as MessageDisposition
// says: SendOnly sends, SendAndSaveCopy sends and saves a copy in the
// SavedItemFolderId's folder (the caller's Sent Items by default),
// SaveOnly saves a draft there (Drafts by default). A message is sent for
// its From, else for the mailbox of the SavedItemFolderId, else for the
// caller; the store decides whether the caller may (ErrorSendAsDenied).
func (h *Handler) createMessages(user exchange.User, op *opReader, req createItemReq) string {
	disposition := attr(op.attrs, "MessageDisposition")
	target, targetErr := h.messageTarget(user, req, disposition)
	var msgs strings.Builder
	for _, m := range req.Items.Messages {
		if targetErr != nil {
			msgs.WriteString(createItemMessage(targetErr, ""))
			continue
		}
		items, err := h.createMessage(user, m, disposition, target)
		msgs.WriteString(createItemMessage(err, items))
	}
	return msgs.String()
}

// messageTarget resolves where a message is saved: the SavedItemFolderId,
// or the caller's Sent Items (SendAndSaveCopy) or Drafts (SaveOnly); nil
// for SendOnly.
func (h *Handler) messageTarget(user exchange.User, req createItemReq, disposition string) (*exchange.FolderRef, error) {
	def := map[string]exchange.FolderName{"SendAndSaveCopy": exchange.SentItems, "SaveOnly": exchange.Drafts}
	switch {
	case disposition == "":
		return nil, errDispositionRequired
	case disposition == "SendOnly":
		return nil, nil
	case def[disposition] == "":
		return nil, refuse("ErrorInvalidRequest", "unknown MessageDisposition "+disposition)
	case req.Saved.ID.XMLName.Local == "":
		return &exchange.FolderRef{Mailbox: user.SMTP, Folder: def[disposition]}, nil
	}
	ref, err := req.Saved.ID.resolve(user)
	if err != nil {
		return nil, err
	}
	if ref.store() == "" {
		if _, err := h.folderAccess(user, ref); err != nil {
			return nil, err
		}
		return nil, refuse("ErrorInvalidOperation", "ucfake keeps no items in "+ref.folder.id+".")
	}
	return &exchange.FolderRef{Mailbox: ref.mailbox, Folder: ref.store()}, nil
}

// createMessage sends or saves one message and renders what Exchange
// answers: the saved draft's id for SaveOnly, nothing once sent.
func (h *Handler) createMessage(user exchange.User, m messageEl, disposition string, target *exchange.FolderRef) (string, error) {
	switch {
	case m.Mime != nil:
		return "", errMimeNotSupported
	case m.Attachments != nil:
		return "", errNoAttachments
	}
	out := exchange.OutgoingMessage{To: m.To.addresses(), Cc: m.Cc.addresses(), Bcc: m.Bcc.addresses(),
		Subject: m.Subject, Body: m.Body.Text, HTML: strings.EqualFold(m.Body.Type, "HTML")}
	switch {
	case m.From != nil && strings.TrimSpace(m.From.Mailbox.EmailAddress) != "":
		out.From = strings.TrimSpace(m.From.Mailbox.EmailAddress)
	case target != nil:
		out.From = target.Mailbox
	}
	if disposition == "SaveOnly" {
		saved, err := h.store.SaveMessage(user.SMTP, out, *target)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf(`<t:Message><t:ItemId Id="%s" ChangeKey="CQAAAA=="/></t:Message>`, itemID(saved.Mailbox, saved.ID)), nil
	}
	_, err := h.store.SendMessage(user.SMTP, out, target)
	return "", err
}
