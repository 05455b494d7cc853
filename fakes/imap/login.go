package imap

import (
	"fmt"
	"strings"
)

// ParseLogin splits an IMAP login name into the user who authenticates and
// the mailbox to open. Exchange accepts two shared-mailbox forms:
// "user@contoso.com\manager@contoso.com" and "DOMAIN\user\manager"; a plain
// name ("user@contoso.com", "DOMAIN\user", "user") opens the user's own
// mailbox (mailbox is then ""). Empty parts are an error.
func ParseLogin(login string) (user, mailbox string, err error) {
	parts := strings.Split(login, `\`)
	for _, p := range parts {
		if strings.TrimSpace(p) == "" {
			return "", "", fmt.Errorf("invalid login name %q", login)
		}
	}
	switch {
	case len(parts) == 1:
		return parts[0], "", nil
	case len(parts) == 2 && strings.Contains(parts[0], "@"):
		return parts[0], parts[1], nil
	case len(parts) == 2:
		return parts[1], "", nil // DOMAIN\user
	case len(parts) == 3 && !strings.Contains(parts[0], "@"):
		return parts[1], parts[2], nil // DOMAIN\user\mailbox
	}
	return "", "", fmt.Errorf("invalid login name %q", login)
}
