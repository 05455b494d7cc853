package wirekit

import "github.com/ucfake/ucfake/harness"

// Marks lists what tests write into a tenant, as found in its snapshot:
// "item:<calendar subject>", "msg:<message subject>", "conf:<conference
// id>", "meeting:<conference subject>", "policy:<client policy>",
// "fault:<fault op>", "signedin:<computer>", "outlook:<computer>".
func Marks(s harness.Snapshot) map[string]bool {
	out := map[string]bool{}
	for _, m := range s.Exchange.Mailboxes {
		for _, it := range m.Items {
			out["item:"+it.Subject] = true
		}
		for _, f := range m.Folders {
			for _, msg := range f.Messages {
				out["msg:"+msg.Subject] = true
			}
		}
	}
	for _, c := range s.Lync.Conferences {
		out["conf:"+c.ID], out["meeting:"+c.Subject] = true, true
	}
	for _, p := range s.Lync.ClientPolicies {
		out["policy:"+p.Identity] = true
	}
	for _, f := range s.Faults {
		out["fault:"+f.Op] = true
	}
	for _, c := range s.Desktops.Computers {
		out["signedin:"+c.Name], out["outlook:"+c.Name] = c.Lync.SignedIn, c.OutlookOpen
	}
	return out
}
