package ews

import (
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// resolveNames answers ResolveNames against the GAL: no match is
// ErrorNameResolutionNoResults, several are a Warning with
// ErrorNameResolutionMultipleResults around the candidates, as Exchange
// answers ambiguous names.
func (h *Handler) resolveNames(_ exchange.User, op *opReader) (string, error) {
	var req struct {
		Entry *string `xml:"UnresolvedEntry"`
	}
	if err := op.decode(&req); err != nil {
		return "", err
	}
	if req.Entry == nil {
		return "", incomplete("ResolveNames", "UnresolvedEntry")
	}
	found, more := h.store.ResolveNames(*req.Entry)
	if len(found) == 0 {
		err := refuse("ErrorNameResolutionNoResults", "No results were found.")
		return wrapResponse("ResolveNames", responseMessage("ResolveNamesResponseMessage", err, "")), nil
	}
	var b strings.Builder
	for _, u := range found {
		fmt.Fprintf(&b, `<t:Resolution><t:Mailbox><t:Name>%s</t:Name><t:EmailAddress>%s</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType><t:MailboxType>Mailbox</t:MailboxType></t:Mailbox><t:Contact><t:DisplayName>%s</t:DisplayName></t:Contact></t:Resolution>`,
			esc(u.DisplayName), esc(u.SMTP), esc(u.DisplayName))
	}
	set := fmt.Sprintf(`<m:ResolutionSet TotalItemsInView="%d" IncludesLastItemInRange="%t">%s</m:ResolutionSet>`, len(found), !more, b.String())
	if len(found) > 1 {
		msg := `<m:ResolveNamesResponseMessage ResponseClass="Warning"><m:MessageText>Multiple results were found.</m:MessageText><m:ResponseCode>ErrorNameResolutionMultipleResults</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>` + set + `</m:ResolveNamesResponseMessage>`
		return wrapResponse("ResolveNames", msg), nil
	}
	return wrapResponse("ResolveNames", responseMessage("ResolveNamesResponseMessage", nil, set)), nil
}
