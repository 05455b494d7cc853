package ews

import (
	"fmt"
	"regexp"
	"testing"
)

func convertRequest(format, id, mailbox, dest string) string {
	return soap(fmt.Sprintf(`<ConvertId xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" DestinationFormat="%s"><SourceIds><t:AlternateId Format="%s" Id="%s" Mailbox="%s"/></SourceIds></ConvertId>`, dest, format, id, mailbox))
}

// TestConvertIdAsDocumented replays the ConvertId reference: an EwsId
// converts to an OwaId answered as m:AlternateId with xsi:type, and the
// example's error ("Id is malformed.") for an id that does not decode,
// as exchangelib's version probe (Id="DUMMY") gets it.
func TestConvertIdAsDocumented(t *testing.T) {
	ts, _ := setup(t)
	ews := itemID("user1@example.com", "AAMkMsg7")
	_, out := post(t, ts, "manager", convertRequest("EwsId", ews, "user1@example.com", "OwaId"))
	want := `<ConvertIdResponseMessage ResponseClass="Success" xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><ResponseCode>NoError</ResponseCode><AlternateId xsi:type="t:AlternateIdType" Format="OwaId" Id="RgAAAA" Mailbox="user1@example.com" /></ConvertIdResponseMessage>`
	sameShape(t, out, want, "ConvertIdResponseMessage", "Id")
	owa := parseTree(t, out).find("AlternateId").attr("Id")
	if !regexp.MustCompile(`^RgAAA`).MatchString(owa) {
		t.Errorf("OwaId %q does not begin as OWA ids do", owa)
	}
	_, out = post(t, ts, "manager", convertRequest("EwsId", "DUMMY", "DUMMY", "EntryId"))
	sameShape(t, out, `<ConvertIdResponseMessage ResponseClass="Error" xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><MessageText>Id is malformed.</MessageText><ResponseCode>ErrorInvalidIdMalformed</ResponseCode><DescriptiveLinkKey>0</DescriptiveLinkKey></ConvertIdResponseMessage>`, "ConvertIdResponseMessage")
}

// TestConvertIdRoundTrips converts an id through every IdFormatType and
// back; HexEntryId is the upper-case hex of EntryId's bytes, as the
// reference defines it.
func TestConvertIdRoundTrips(t *testing.T) {
	ts, _ := setup(t)
	ews := itemID("alice@contoso.com", "AAMkMsg7")
	for _, f := range []string{"EwsLegacyId", "EntryId", "HexEntryId", "StoreId", "OwaId", "EwsId"} {
		_, out := post(t, ts, "manager", convertRequest("EwsId", ews, "alice@contoso.com", f))
		alt := parseTree(t, out).find("AlternateId")
		if alt == nil || alt.attr("Format") != f {
			t.Fatalf("%s: %s", f, out)
		}
		_, out = post(t, ts, "manager", convertRequest(f, alt.attr("Id"), "alice@contoso.com", "EwsId"))
		if back := parseTree(t, out).find("AlternateId"); back == nil || back.attr("Id") != ews {
			t.Fatalf("%s back to EwsId: %s", f, out)
		}
	}
	_, entry := post(t, ts, "manager", convertRequest("EwsId", ews, "alice@contoso.com", "EntryId"))
	_, hex := post(t, ts, "manager", convertRequest("EwsId", ews, "alice@contoso.com", "HexEntryId"))
	e, h := parseTree(t, entry).find("AlternateId").attr("Id"), parseTree(t, hex).find("AlternateId").attr("Id")
	if fmt.Sprintf("%X", mustBase64(t, e)) != h {
		t.Fatalf("HexEntryId %s is not EntryId %s in hex", h, e)
	}
	code, out := post(t, ts, "manager", convertRequest("EwsId", ews, "alice@contoso.com", "Bogus"))
	if code != 500 || !regexp.MustCompile(`IdFormatType.*The Enumeration constraint failed`).MatchString(out) {
		t.Fatalf("unknown DestinationFormat: %d %s", code, out)
	}
}
