package ews

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/journal"
	"github.com/ucfake/ucfake/fakes/tenant"
	"github.com/ucfake/ucfake/fakes/throttle"
	"github.com/ucfake/ucfake/fakes/wirelog"
)

// Path is where EWS is served.
const Path = "/EWS/Exchange.asmx"

// Handler serves EWS. Built once per process over a tenant.Resolver, it
// serves every tenant on one port (the /t/<tenant>/ prefix or the
// X-Ucfake-Tenant header) and asks the tenant's world for its store on
// every request. Safe for concurrent use.
type Handler struct {
	resolve tenant.Resolver
	http    http.Handler
	log     *slog.Logger
	ops     map[string]operation
	// Per request: the tenant's store, faults, throttling, the version it
	// emulates and the request's journal note (see serveTenant).
	store    *exchange.Store
	faults   *faults.Registry
	throttle *throttle.Ledger
	ver      *serverVersion
	note     *wirelog.Note
	stall    time.Duration // see WithBodyStall
}

// WithFaults, on a handler made by New, consults reg before every
// operation (op = the EWS operation name, identity = the caller's SMTP
// address). On a handler made by Serve it does nothing: faults are the
// tenant's. It returns h.
func (h *Handler) WithFaults(reg *faults.Registry) *Handler {
	if h.store != nil {
		h.faults = reg
		h.resolve = tenant.Fixed(tenant.Of(h.store, nil, reg, nil))
		h.build()
	}
	return h
}

// operation runs one EWS operation for the authenticated user on the raw
// request document and returns the response body element.
type operation func(h *Handler, user exchange.User, op *opReader) (string, error)

// opReader decodes the body's operation element, once, from the stream,
// and notes the request's key fields for the journal.
type opReader struct {
	dec   *xml.Decoder
	start xml.StartElement
	attrs []xml.Attr
	note  *wirelog.Note
}

// field notes one key field of the request (package journal).
func (o *opReader) field(name, value string) { o.note.SetField(name, strings.TrimSpace(value)) }

// decode reads the whole operation element into v.
func (o *opReader) decode(v any) error { return o.dec.DecodeElement(v, &o.start) }

// New returns a Handler over one store (every tenant name reaches it).
func New(store *exchange.Store) *Handler {
	h := Serve(tenant.Fixed(tenant.Of(store, nil, nil, nil)))
	h.store = store
	return h
}

// Serve returns a Handler for every tenant resolve knows.
func Serve(resolve tenant.Resolver) *Handler {
	h := &Handler{resolve: resolve, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	h.build()
	h.ops = map[string]operation{
		"AddDelegate": (*Handler).addDelegate, "ConvertId": (*Handler).convertID, "GetDelegate": (*Handler).getDelegate,
		"UpdateDelegate": (*Handler).updateDelegate, "RemoveDelegate": (*Handler).removeDelegate,
		"GetFolder": (*Handler).getFolder, "FindFolder": (*Handler).findFolder, "UpdateFolder": (*Handler).updateFolder,
		"CreateItem": (*Handler).createItem, "FindItem": (*Handler).findItem, "GetItem": (*Handler).getItem,
		"ResolveNames": (*Handler).resolveNames,
	}
	return h
}

// ServeHTTP finds the request's tenant, checks transport, authentication
// and envelope, runs the operation on the tenant's store and commits before
// answering. A panic becomes a SOAP fault, never a dropped connection.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.http.ServeHTTP(w, r) }

// serveTenant serves one request on world with a copy of h bound to it.
func (h *Handler) serveTenant(w http.ResponseWriter, r *http.Request, world tenant.World) {
	rh := *h
	rh.store, rh.faults, rh.throttle = world.Exchange(), world.Faults(), world.Throttle()
	rh.ver = versionOf(world.Profile().Exchange)
	if world.Journal() != nil {
		r, rh.note = wirelog.Ensure(r)
	}
	rh.serve(w, r)
}

// version is the Exchange version the request's tenant emulates.
func (h *Handler) version() *serverVersion {
	if h.ver == nil {
		return versionOf("")
	}
	return h.ver
}

func (h *Handler) serve(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			h.log.Error("EWS panic", "panic", v)
			writeFault(w, http.StatusInternalServerError, "ErrorInternalServerError", "An internal server error occurred. The operation failed.")
		}
	}()
	wirelog.Op(r.Context(), "Autodiscover", "")
	if h.serveAutodiscover(w, r) {
		return
	}
	if !strings.EqualFold(r.URL.Path, Path) {
		http.NotFound(w, r)
		return
	}
	wirelog.Op(r.Context(), r.Method+" "+r.URL.Path, "")
	user, ok := h.authenticate(w, r)
	if !ok {
		return
	}
	doc, ok := h.readBody(w, r)
	if !ok {
		return
	}
	h.dispatch(r.Context(), w, user, doc)
}

func (h *Handler) authenticate(w http.ResponseWriter, r *http.Request) (exchange.User, bool) {
	name, pass, ok := r.BasicAuth()
	if ok {
		if u, err := h.store.Authenticate(name, pass); err == nil {
			return u, true
		}
	}
	w.Header().Set("WWW-Authenticate", `Basic realm="ucfake EWS"`)
	http.Error(w, "401 Unauthorized: valid Basic credentials are required", http.StatusUnauthorized)
	return exchange.User{}, false
}

// readBody enforces POST and SOAP 1.1's content type (the body, already
// read within MaxBody by tenant.ReadBodies, is in memory).
func (h *Handler) readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		writeFault(w, http.StatusMethodNotAllowed, "ErrorInvalidRequest", "EWS requests are SOAP messages sent with POST.")
		return nil, false
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "application/soap+xml" {
		writeFault(w, http.StatusUnsupportedMediaType, "ErrorInvalidRequest", "SOAP 1.2 is not supported; send SOAP 1.1 as text/xml.")
		return nil, false
	}
	doc, err := tenant.ReadAll(r.Body)
	if err != nil {
		writeFault(w, http.StatusBadRequest, "ErrorInvalidRequest", "The request body could not be read: "+err.Error())
		return nil, false
	}
	return doc, true
}

// dispatch walks the envelope once: it refuses unsupported headers, finds
// the operation (the body's first element), admits the caller by its
// throttling budget, applies the scripted fault and lets the operation
// decode the rest. Whatever is refused before or while the operation reads
// its element is a SOAP fault with HTTP 500, as Exchange answers; the
// operation's own errors are ResponseMessages inside a 200.
func (h *Handler) dispatch(ctx context.Context, w http.ResponseWriter, user exchange.User, doc []byte) {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	se, asked, err := h.version().findOperation(dec)
	h.note.SetField("requestServerVersion", asked)
	if err != nil {
		h.fault(w, faultOf(dec, err))
		return
	}
	op, ok := h.ops[se.Name.Local]
	wirelog.Op(ctx, se.Name.Local, user.SMTP)
	if !ok || se.Name.Space != NSMessages {
		h.fault(w, unknownOperation(dec, se))
		return
	}
	reader := &opReader{dec: dec, start: se, attrs: se.Attr, note: h.note}
	adm := h.throttle.Admit(throttle.FaceEWS, user.SMTP)
	defer adm.Done()
	if adm.Refused {
		reader.summarize(user)
		h.throttled(ctx, w, adm.Throttle)
		return
	}
	if h.scripted(ctx, w, user, se.Name.Local) {
		reader.summarize(user)
		return
	}
	body, err := op(h, user, reader)
	if err != nil {
		h.fault(w, faultOf(dec, err))
		return
	}
	h.note.SetCode(firstResponseCode(body))
	writeEnvelope(w, http.StatusOK, h.version().header, body)
}

// fault answers f, noting its code for the journal.
func (h *Handler) fault(w http.ResponseWriter, f *soapFault) {
	h.note.SetCode(f.code)
	writeSOAPFault(w, http.StatusInternalServerError, f)
}

// scripted applies the fault scripted for op, if any, and reports whether
// it answered: a drop aborts the connection, a code is a SOAP fault (with
// BackOffMilliseconds for an ErrorServerBusy with a back-off, which the
// throttling ledger then holds the caller to).
func (h *Handler) scripted(ctx context.Context, w http.ResponseWriter, user exchange.User, op string) bool {
	f, err := h.faults.Apply(ctx, op, user.SMTP, user.SIP)
	if err != nil {
		return true // the client went away during a scripted delay
	}
	if f == nil {
		return false
	}
	h.note.SetFault(journal.Fault{ID: f.ID, Code: f.Code, Drop: f.Drop})
	if f.Drop {
		panic(http.ErrAbortHandler)
	}
	sf := &soapFault{code: f.Code, message: fmt.Sprintf("Scripted fault %d on %s.", f.ID, op)}
	if f.Code == codeServerBusy && f.BackOff > 0 {
		sf.backOff = f.BackOff
		h.throttle.BackOff(throttle.FaceEWS, user.SMTP, f.BackOff)
		wirelog.Throttled(ctx, journal.Throttle{Reason: throttle.ReasonScripted, BackOff: f.BackOff})
	}
	h.fault(w, sf)
	return true
}

var errImpersonation = &soapFault{code: "ErrorImpersonationDenied", message: "ExchangeImpersonation is not supported by ucfake; authenticate as the user instead."}

// findOperation reads up to the first element inside soap:Body, checking
// that the document is a SOAP 1.1 envelope and its header holds nothing
// ucfake refuses (impersonation, a RequestServerVersion that v does not
// take); it also returns the RequestServerVersion asked for ("" without
// the header).
func (v *serverVersion) findOperation(dec *xml.Decoder) (se xml.StartElement, asked string, err error) {
	depth, inBody := 0, false
	for {
		tok, err := dec.Token()
		if err != nil {
			return xml.StartElement{}, asked, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			if _, end := tok.(xml.EndElement); end {
				if inBody {
					return xml.StartElement{}, asked, errors.New("The SOAP Body holds no operation.")
				}
				depth--
			}
			continue
		}
		switch {
		case depth == 0 && (se.Name.Space != NSSoap || se.Name.Local != "Envelope"):
			return se, asked, errors.New("The root element is not a SOAP 1.1 Envelope.")
		case se.Name.Local == "ExchangeImpersonation":
			return se, asked, errImpersonation
		case se.Name.Local == "RequestServerVersion" && !inBody:
			if asked, err = v.checkRequestVersion(se); err != nil {
				return se, asked, err
			}
		case inBody:
			return se, asked, nil
		case depth == 1 && se.Name.Space == NSSoap && se.Name.Local == "Body":
			inBody = true
		}
		depth++
	}
}
