package ews

import (
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/fakes/exchange"
)

func (h *Handler) resolveNames(_ exchange.User, op *opReader) (string, error) {
	var req struct {
		Entry string `xml:"UnresolvedEntry"`
	}
	if err := op.decode(&req); err != nil {
		return "", err
	}
	q := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(req.Entry), "SMTP:"))
	var found []exchange.User
	for _, u := range h.store.Users() {
		for _, s := range []string{u.SMTP, u.Alias, u.DisplayName} {
			if q != "" && strings.HasPrefix(strings.ToLower(s), q) {
				found = append(found, u)
				break
			}
		}
	}
	if len(found) == 0 {
		err := &exchange.Error{Code: "ErrorNameResolutionNoResults", Message: "No results were found."}
		return wrapResponse("ResolveNames", responseMessage("ResolveNamesResponseMessage", err, "")), nil
	}
	var b strings.Builder
	for _, u := range found {
		fmt.Fprintf(&b, `<t:Resolution><t:Mailbox><t:Name>%s</t:Name><t:EmailAddress>%s</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType><t:MailboxType>Mailbox</t:MailboxType></t:Mailbox><t:Contact><t:DisplayName>%s</t:DisplayName></t:Contact></t:Resolution>`,
			esc(u.DisplayName), esc(u.SMTP), esc(u.DisplayName))
	}
	body := fmt.Sprintf(`<m:ResolutionSet TotalItemsInView="%d" IncludesLastItemInRange="true">%s</m:ResolutionSet>`, len(found), b.String())
	return wrapResponse("ResolveNames", responseMessage("ResolveNamesResponseMessage", nil, body)), nil
}
