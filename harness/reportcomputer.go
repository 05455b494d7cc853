package harness

import (
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/harness/desktop"
)

// computerLine is one computer as a person would describe it.
func computerLine(pc *desktop.Computer) string {
	lc := pc.Lync()
	state := "Lync not running"
	switch {
	case lc.SignedIn():
		state = "signed in"
	case lc.Running():
		state = "Lync open, signed out"
	}
	outlook := "no Outlook"
	if o := pc.Outlook(); o != nil && o.IsOpen() {
		outlook = "Outlook open"
	} else if o != nil {
		outlook = "Outlook closed"
	}
	var groups []string
	for _, g := range lc.Groups() {
		groups = append(groups, fmt.Sprintf("%s %v", g.Name, g.Members))
	}
	var banners []string
	for _, bn := range lc.Banners() {
		banners = append(banners, fmt.Sprintf("%q", bn.Text))
	}
	return fmt.Sprintf("  %s (%s, %s): %s, %s, MAPI %q; groups: %s; banners: %s\n", pc.Name(), pc.User().SMTP, lc.Kind(), state, outlook,
		lc.MAPIStatus(), orEmpty(groups), orEmpty(banners))
}

func orEmpty(list []string) string {
	if len(list) == 0 {
		return "none"
	}
	return strings.Join(list, ", ")
}
