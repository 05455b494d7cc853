package sip

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"

	"github.com/emiago/sipgo/sip"

	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fakes/tenant"
)

// publishDoc is a category publication (MS-PRES).
type publishDoc struct {
	XMLName      xml.Name `xml:"publish"`
	Publications []struct {
		Category string `xml:"categoryName,attr"`
		Version  string `xml:"version,attr"`
		Routing  *struct {
			Lists []struct {
				Name    string `xml:"name,attr"`
				Targets []struct {
					URI string `xml:"uri,attr"`
				} `xml:"target"`
			} `xml:"preamble>list"`
		} `xml:"routing"`
	} `xml:"publications>publication"`
}

// publish applies the first routing publication's delegates list to the
// publisher's delegate records; a stale version gets 409 WrongDelta.
func (s *Server) publish(req *sip.Request, w tenant.World) *sip.Response {
	self := requester(req)
	target := directory.NormalizeSIP(req.Recipient.User + "@" + req.Recipient.Host)
	if self != target {
		res := sip.NewResponseFromRequest(req, 403, "Forbidden", nil)
		s.diagnostics(res, 4004, "Credentials provided are not authorized to act as specified from URI.")
		return res
	}
	var doc publishDoc
	if err := xml.Unmarshal(req.Body(), &doc); err != nil {
		res := sip.NewResponseFromRequest(req, 400, "Bad Request", nil)
		s.diagnostics(res, 2000, "Failed to parse the publication: "+err.Error())
		return res
	}
	for i, p := range doc.Publications {
		if p.Category != "routing" || p.Routing == nil {
			continue
		}
		return s.publishRouting(req, w.Lync(), self, i+1, p.Version, delegatesOf(p.Routing.Lists))
	}
	return sip.NewResponseFromRequest(req, 200, "OK", nil)
}

func delegatesOf(lists []struct {
	Name    string `xml:"name,attr"`
	Targets []struct {
		URI string `xml:"uri,attr"`
	} `xml:"target"`
}) []string {
	out := []string{}
	for _, l := range lists {
		if l.Name != "delegates" {
			continue
		}
		for _, t := range l.Targets {
			out = append(out, t.URI)
		}
	}
	return out
}

func (s *Server) publishRouting(req *sip.Request, store *lync.Store, self string, index int, version string, delegates []string) *sip.Response {
	v, err := strconv.Atoi(version)
	if err != nil {
		res := sip.NewResponseFromRequest(req, 400, "Bad Request", nil)
		s.diagnostics(res, 2000, "publication version must be a number")
		return res
	}
	next, err := store.PublishDelegates(self, delegates, v)
	if err != nil {
		details := ""
		if errors.Is(err, lync.ErrStaleVersion) {
			// read after the refusal: the version the client must catch up with
			cur := store.DelegateVersion(self)
			details = fmt.Sprintf("<details><operation index=\"%d\" version=\"%d\" curVersion=\"%d\"></operation></details>\r\n", index, v, cur)
		}
		return s.storeError(req, nil, err, details)
	}
	body := fmt.Sprintf(`<roamingData xmlns="http://schemas.microsoft.com/2006/09/sip/roaming-self"><categories uri="%s"><category name="routing" instance="0" container="0" version="%d"/></categories></roamingData>`, esc(self), next)
	res := sip.NewResponseFromRequest(req, 200, "OK", []byte(body))
	res.AppendHeader(sip.NewHeader("Content-Type", "application/vnd-microsoft-roaming-self+xml"))
	return res
}
