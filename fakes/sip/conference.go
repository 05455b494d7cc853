package sip

import (
	"fmt"
	"strings"

	"github.com/emiago/sipgo/sip"

	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fakes/tenant"
)

// c3pAnswer wraps a C3P response document in a 200 OK.
func (s *Server) c3pAnswer(req *sip.Request, body []byte) *sip.Response {
	res := sip.NewResponseFromRequest(req, 200, "OK", body)
	res.AppendHeader(sip.NewHeader("Content-Type", "application/cccp+xml"))
	return res
}

// focusFactory answers a C3P request to the focus factory. The C3P from
// (the organizer) must be the focus factory's owner (MS-CONFPRO: from is
// the organizer URI, to is the focus factory); the SIP From is the
// requester, who may be the organizer's delegate.
func (s *Server) focusFactory(req *sip.Request, w tenant.World) *sip.Response {
	c3p, err := decodeC3P(req.Body())
	if err != nil {
		res := sip.NewResponseFromRequest(req, 400, "Bad Request", nil)
		s.diagnostics(res, 3006, "Failed to parse the C3P request.")
		return res
	}
	organizer := strings.TrimSpace(c3p.From)
	if !directory.HasSIPScheme(organizer) {
		res := sip.NewResponseFromRequest(req, 400, "Bad Request", nil)
		s.diagnostics(res, 3000, "Bad From in C3P Request")
		return res
	}
	if owner := directory.NormalizeSIP(req.Recipient.User + "@" + req.Recipient.Host); owner != directory.NormalizeSIP(organizer) {
		res := sip.NewResponseFromRequest(req, 400, "Bad Request", nil)
		s.diagnostics(res, 3000, "Bad From in C3P Request: the organizer must own the focus factory")
		return res
	}
	if !namesFocusFactory(c3p.To, req.Recipient) {
		res := sip.NewResponseFromRequest(req, 400, "Bad Request", nil)
		s.diagnostics(res, 3001, "Bad To in C3P Request: it must be the focus factory of the Request-URI")
		return res
	}
	switch c3p.Command.XMLName.Local {
	case "addConference":
		return s.addConference(req, w.Lync(), c3p, organizer)
	case "getConference":
		return s.getConference(req, w.Lync(), c3p, organizer)
	case "deleteConference":
		return s.deleteConference(req, w.Lync(), c3p, organizer)
	case "getAvailableMcuTypes", "getConferencingCapabilities":
		return s.c3pAnswer(req, c3pResponse(c3p, true, mcuTypes, ""))
	}
	res := s.c3pAnswer(req, c3pResponse(c3p, false, "", "notSupported"))
	s.diagnostics(res, 3004, "The requested C3P command is not implemented")
	return res
}

// namesFocusFactory reports whether the C3P to names the focus factory the
// request was sent to (MS-CONFPRO: to is the SIP URI of the To header, the
// focus factory): same user and host, opaque=app:conf:focusfactory.
func namesFocusFactory(to string, ruri sip.Uri) bool {
	var u sip.Uri
	if sip.ParseUri(strings.TrimSpace(to), &u) != nil || u.UriParams == nil {
		return false
	}
	opaque, _ := u.UriParams.Get("opaque")
	return strings.EqualFold(u.User, ruri.User) && strings.EqualFold(u.Host, ruri.Host) && opaque == "app:conf:focusfactory"
}

const mcuTypes = `<mcu-types><mcuType>audio-video</mcuType><mcuType>chat</mcuType><mcuType>meeting</mcuType><mcuType>phone-conf</mcuType></mcu-types>`

func (s *Server) addConference(req *sip.Request, store *lync.Store, c3p *c3pRequest, organizer string) *sip.Response {
	info := c3p.Command.Info
	if info == nil {
		return s.c3pAnswer(req, c3pResponse(c3p, false, "", "otherFailure"))
	}
	expiry, err := info.expiry()
	if err != nil {
		return s.c3pAnswer(req, c3pResponse(c3p, false, "", "invalidExpiryTime"))
	}
	conf, err := store.CreateConference(requester(req), organizer, lync.ConferenceRequest{
		ConferenceID: strings.TrimSpace(info.Description.ID), Subject: info.Description.Subject,
		Expiry: expiry, AdmissionPolicy: strings.TrimSpace(info.Description.Admission)})
	if err != nil {
		return s.storeError(req, c3p, err, "")
	}
	return s.c3pAnswer(req, c3pResponse(c3p, true, confInfoXML(conf), ""))
}

func (s *Server) getConference(req *sip.Request, store *lync.Store, c3p *c3pRequest, organizer string) *sip.Response {
	conf, err := store.Conference(requester(req), organizer, c3p.Command.Keys.conferenceID())
	if err != nil {
		return s.storeError(req, c3p, err, "")
	}
	return s.c3pAnswer(req, c3pResponse(c3p, true, confInfoXML(conf), ""))
}

func (s *Server) deleteConference(req *sip.Request, store *lync.Store, c3p *c3pRequest, organizer string) *sip.Response {
	id := c3p.Command.Keys.conferenceID()
	conf, err := store.Conference(requester(req), organizer, id)
	if err == nil {
		err = store.DeleteConference(requester(req), organizer, id)
	}
	if err != nil {
		return s.storeError(req, c3p, err, "")
	}
	return s.c3pAnswer(req, c3pResponse(c3p, true, fmt.Sprintf(`<conference-info entity="%s"/>`, esc(conf.FocusURI)), ""))
}

// confInfoXML describes a conference: its focus URI as the entity.
func confInfoXML(c lync.Conference) string {
	return `<conference-info xmlns="` + nsCI + `" entity="` + esc(c.FocusURI) + `"><conference-description><subject>` + esc(c.Subject) +
		`</subject><msci:conference-id>` + esc(c.ID) + `</msci:conference-id><msci:expiry-time>` + c.Expiry.UTC().Format("2006-01-02T15:04:05Z") +
		`</msci:expiry-time><msci:admission-policy>` + esc(c.AdmissionPolicy) + `</msci:admission-policy></conference-description></conference-info>`
}
