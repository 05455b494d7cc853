package exchange

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

// busyStore is a store with delegates, rights, items, mail and switches.
func busyStore(t *testing.T) *Store {
	t.Helper()
	s, c := newTestStore(t)
	d := DefaultDelegate("assistant")
	d.ViewPrivateItems = true
	must(s.AddDelegate("manager", "manager", d))
	must(s.AddDelegate("alice", "alice", DefaultDelegate("bob")))
	noErr(t, s.SetDeliverMeetingRequests("alice", "alice", DelegatesOnly))
	noErr(t, s.GrantMailboxRight("manager", "bob", SendAs))
	noErr(t, s.SetFolderPermission("manager", "manager", Contacts, "Anonymous", ReadItems|FolderVisible))
	it := meeting(c, "alice", "outsider@fabrikam.com")
	it.Private, it.Location, it.Body = true, "Room 1", "Agenda"
	saved := must(s.CreateCalendarItem("assistant", "manager", it, SendToAllAndSaveCopy))
	must(s.SetOnlineMeeting("assistant", "manager", saved.ID, OnlineMeeting{JoinURL: "https://meet/x", ConferenceID: "1"}))
	must(s.DeliverMessage("alice", Inbox, []byte("Subject: x\r\n\r\n"), []string{`\Deleted`}))
	must(s.Expunge("alice", "alice", Inbox))
	s.SetMAPIAvailable(false)
	return s
}

func TestExportImportRoundTripsExactly(t *testing.T) {
	s := busyStore(t)
	st := s.Export()
	data, err := json.Marshal(st)
	noErr(t, err)
	var back State
	noErr(t, json.Unmarshal(data, &back))
	if !reflect.DeepEqual(back, st) {
		t.Fatal("the state does not survive JSON")
	}
	s2, _ := newTestStore(t)
	noErr(t, s2.Import(back))
	if !reflect.DeepEqual(s2.Export(), st) {
		t.Fatal("Export after Import differs")
	}
	if items := must(s2.CalendarItems("assistant", "manager")); len(items) != 1 || items[0].OnlineMeeting == nil {
		t.Fatalf("items after import %+v", items)
	}
	if len(must(s2.Messages("bob", "bob", Inbox))) != 1 || len(must(s2.Messages("alice", "alice", DeletedItems))) != 1 {
		t.Fatal("mail lost on import")
	}
}

func TestExportIsADeepCopy(t *testing.T) {
	s := busyStore(t)
	before, st := s.Export(), s.Export()
	st.Mailboxes[0].Folders[0].Permissions["x"] = 1
	st.Users[0].DisplayName = "changed"
	for i := range st.Mailboxes {
		for j := range st.Mailboxes[i].Folders {
			for k := range st.Mailboxes[i].Folders[j].Messages {
				st.Mailboxes[i].Folders[j].Messages[k].Raw[0] = '!'
			}
		}
		for k := range st.Mailboxes[i].Items {
			st.Mailboxes[i].Items[k].OnlineMeeting = nil
		}
	}
	if !reflect.DeepEqual(s.Export(), before) {
		t.Fatal("changing an export changed the store")
	}
}

func TestImportKeepsUIDsUnique(t *testing.T) {
	s, _ := newTestStore(t)
	st := s.Export()
	for i := range st.Mailboxes {
		if st.Mailboxes[i].Owner == "alice@contoso.com" {
			st.Mailboxes[i].Folders[0].Messages = []Message{{ID: "m", UID: 7, Folder: Inbox, Mailbox: "alice@contoso.com"}}
			st.Mailboxes[i].Folders[0].NextUID = 0
		}
	}
	noErr(t, s.Import(st))
	if msg := must(s.DeliverMessage("alice", Inbox, []byte("Subject: y\r\n\r\n"), nil)); msg.UID != 8 {
		t.Fatalf("UID after import %d", msg.UID)
	}
}

func TestImportRefusesBadStates(t *testing.T) {
	good, _ := newTestStore(t)
	base := good.Export()
	cases := map[string]func(st *State){
		"user without address":   func(st *State) { st.Users[0].SMTP = "" },
		"duplicate user":         func(st *State) { st.Users = append(st.Users, st.Users[0]) },
		"mailbox without user":   func(st *State) { st.Mailboxes[0].Owner = "ghost@contoso.com" },
		"user without mailbox":   func(st *State) { st.Mailboxes = st.Mailboxes[1:] },
		"mailbox listed twice":   func(st *State) { st.Mailboxes = append(st.Mailboxes[1:], st.Mailboxes[1]) },
		"address without domain": func(st *State) { st.Users[0].SMTP = "alice@" },
	}
	for name, spoil := range cases {
		s, _ := newTestStore(t)
		st := good.Export()
		spoil(&st)
		if err := s.Import(st); !errors.Is(err, ErrInvalidRequest) {
			t.Errorf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(s.Export(), base) {
			t.Errorf("%s: a refused import changed the store", name)
		}
	}
}
