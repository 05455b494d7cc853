package ews

import (
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/fakes/directory"
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
	found := h.matchGAL(*req.Entry)
	if len(found) == 0 {
		err := refuse("ErrorNameResolutionNoResults", "No results were found.")
		return wrapResponse("ResolveNames", responseMessage("ResolveNamesResponseMessage", err, "")), nil
	}
	var b strings.Builder
	for _, u := range found {
		fmt.Fprintf(&b, `<t:Resolution><t:Mailbox><t:Name>%s</t:Name><t:EmailAddress>%s</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType><t:MailboxType>Mailbox</t:MailboxType></t:Mailbox><t:Contact><t:DisplayName>%s</t:DisplayName></t:Contact></t:Resolution>`,
			esc(u.DisplayName), esc(u.SMTP), esc(u.DisplayName))
	}
	set := fmt.Sprintf(`<m:ResolutionSet TotalItemsInView="%d" IncludesLastItemInRange="true">%s</m:ResolutionSet>`, len(found), b.String())
	if len(found) > 1 {
		msg := `<m:ResolveNamesResponseMessage ResponseClass="Warning"><m:MessageText>Multiple results were found.</m:MessageText><m:ResponseCode>ErrorNameResolutionMultipleResults</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>` + set + `</m:ResolveNamesResponseMessage>`
		return wrapResponse("ResolveNames", msg), nil
	}
	return wrapResponse("ResolveNames", responseMessage("ResolveNamesResponseMessage", nil, set)), nil
}

// matchGAL finds the users an entry names: an exact SMTP address or alias
// wins; otherwise every user whose address, alias or display name starts
// with the entry.
func (h *Handler) matchGAL(entry string) []exchange.User {
	q := directory.NormalizeSMTP(entry)
	if q == "" {
		return nil
	}
	var found []exchange.User
	for _, u := range h.store.Users() {
		if strings.EqualFold(u.SMTP, q) || strings.EqualFold(u.Alias, q) {
			return []exchange.User{u}
		}
		for _, s := range []string{u.SMTP, u.Alias, u.DisplayName} {
			if strings.HasPrefix(strings.ToLower(s), q) {
				found = append(found, u)
				break
			}
		}
	}
	return found
}
