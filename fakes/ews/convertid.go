package ews

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"net/mail"
	"net/url"
	"strings"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// idFormats are the IdFormatType values.
var idFormats = map[string]bool{"EwsLegacyId": true, "EwsId": true, "EntryId": true, "HexEntryId": true, "StoreId": true, "OwaId": true}

// providerUID is the MAPI provider UID in ucfake's entry ids (16 bytes
// after the 4 flag bytes of a PR_ENTRYID).
var providerUID = []byte("ucfake-exchange\x00")

type convertIDReq struct {
	Sources *struct {
		IDs []struct {
			XMLName xml.Name
			ID      string `xml:"Id,attr"`
			Format  string `xml:"Format,attr"`
			Mailbox string `xml:"Mailbox,attr"`
		} `xml:",any"`
	} `xml:"SourceIds"`
}

// convertID answers ConvertId: each AlternateId is decoded from its Format
// and re-encoded in DestinationFormat; one ConvertIdResponseMessage each.
// The Mailbox must be an SMTP address in form only, as Exchange checks.
func (h *Handler) convertID(_ exchange.User, op *opReader) (string, error) {
	var req convertIDReq
	if err := op.decode(&req); err != nil {
		return "", err
	}
	if req.Sources == nil || len(req.Sources.IDs) == 0 {
		return "", incomplete("ConvertId", "SourceIds")
	}
	dest := attr(op.attrs, "DestinationFormat")
	if !idFormats[dest] {
		return "", enumViolation("DestinationFormat", dest, "IdFormatType")
	}
	var msgs strings.Builder
	for _, src := range req.Sources.IDs {
		if !idFormats[src.Format] && src.XMLName.Local == "AlternateId" {
			return "", enumViolation("Format", src.Format, "IdFormatType")
		}
		id, err := convertOne(src.XMLName.Local, src.ID, src.Format, src.Mailbox, dest)
		body := fmt.Sprintf(`<m:AlternateId xsi:type="t:AlternateIdType" Format="%s" Id="%s" Mailbox="%s"/>`, dest, esc(id), esc(src.Mailbox))
		msgs.WriteString(responseMessage("ConvertIdResponseMessage", err, body))
	}
	return wrapResponse("ConvertId", msgs.String()), nil
}

// enumViolation is the schema validator's complaint about an attribute
// value outside its enumeration.
func enumViolation(attrName, value, typ string) error {
	return fmt.Errorf("The '%s' attribute is invalid - The value '%s' is invalid according to its datatype '%s:%s' - The Enumeration constraint failed.", attrName, value, NSTypes, typ)
}

// convertOne converts one id.
func convertOne(element, id, from, mailbox, to string) (string, error) {
	if element != "AlternateId" {
		return "", refuse("ErrorInvalidRequest", "ucfake has no public folders.")
	}
	key, err := decodeAltID(id, from)
	if err != nil {
		return "", err
	}
	if _, err := mail.ParseAddress(mailbox); err != nil {
		return "", refuse("ErrorInvalidSmtpAddress", "The SMTP address format is invalid.")
	}
	return encodeAltID(mailbox, key, to), nil
}

// entryID is ucfake's PR_ENTRYID for an item or folder key: four zero
// flag bytes, the provider UID, the key.
func entryID(key string) []byte {
	return append(append(make([]byte, 4), providerUID...), key...)
}

// encodeAltID writes key in a format: EwsId (ucfake's ids), EwsLegacyId
// (the same text in standard base64), EntryId and StoreId (base64 of the
// entry id, the StoreId with a type byte), HexEntryId (upper-case hex)
// and OwaId (URL-escaped base64 whose flag byte is 'F', as OWA ids begin
// "RgAAAA").
func encodeAltID(mailbox, key, format string) string {
	e := entryID(key)
	switch format {
	case "EwsLegacyId":
		return base64.StdEncoding.EncodeToString([]byte(strings.ToLower(mailbox) + "|" + key))
	case "EntryId":
		return base64.StdEncoding.EncodeToString(e)
	case "StoreId":
		return base64.StdEncoding.EncodeToString(append([]byte{1}, e...))
	case "HexEntryId":
		return strings.ToUpper(hex.EncodeToString(e))
	case "OwaId":
		e[0] = 'F'
		return url.QueryEscape(base64.StdEncoding.EncodeToString(e))
	}
	return joinID(mailbox, key)
}

// decodeAltID reads a key back; ErrorInvalidIdMalformed when it does not
// decode in its format.
func decodeAltID(id, format string) (string, error) {
	var e []byte
	var err error
	switch format {
	case "EwsId":
		_, key, err := splitID(id)
		return key, err
	case "EwsLegacyId":
		b, err := base64.StdEncoding.DecodeString(id)
		_, key, ok := strings.Cut(string(b), "|")
		if err != nil || !ok || key == "" {
			return "", errMalformedID
		}
		return key, nil
	case "EntryId":
		e, err = base64.StdEncoding.DecodeString(id)
	case "StoreId":
		e, err = base64.StdEncoding.DecodeString(id)
		if err == nil && len(e) > 0 && e[0] == 1 {
			e = e[1:]
		}
	case "HexEntryId":
		e, err = hex.DecodeString(id)
	case "OwaId":
		var s string
		if s, err = url.QueryUnescape(id); err == nil {
			e, err = base64.StdEncoding.DecodeString(s)
		}
		if err == nil && len(e) > 0 && e[0] == 'F' {
			e[0] = 0
		}
	}
	return keyOfEntry(e, err)
}

func keyOfEntry(e []byte, err error) (string, error) {
	if err != nil || len(e) <= 20 || !bytes.Equal(e[:4], make([]byte, 4)) || !bytes.Equal(e[4:20], providerUID) {
		return "", errMalformedID
	}
	return string(e[20:]), nil
}
