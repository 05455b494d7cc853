package ews

import (
	"bytes"
	"encoding/xml"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"strings"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// MaxBody is the largest request body accepted: 4 MiB.
const MaxBody = 4 << 20

// Path is where EWS is served.
const Path = "/EWS/Exchange.asmx"

// Handler serves EWS over an exchange.Store. Safe for concurrent use.
type Handler struct {
	store *exchange.Store
	log   *slog.Logger
	ops   map[string]operation
}

// operation runs one EWS operation for the authenticated user on the raw
// request document and returns the response body element.
type operation func(h *Handler, user exchange.User, doc []byte, attrs []xml.Attr) (string, error)

// New returns a Handler over store.
func New(store *exchange.Store) *Handler {
	h := &Handler{store: store, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	h.ops = map[string]operation{
		"AddDelegate": (*Handler).addDelegate, "GetDelegate": (*Handler).getDelegate,
		"UpdateDelegate": (*Handler).updateDelegate, "RemoveDelegate": (*Handler).removeDelegate,
		"GetFolder": (*Handler).getFolder, "UpdateFolder": (*Handler).updateFolder,
		"CreateItem": (*Handler).createItem, "FindItem": (*Handler).findItem, "GetItem": (*Handler).getItem,
		"ResolveNames": (*Handler).resolveNames,
	}
	return h
}

// ServeHTTP checks transport, authentication and envelope, then runs the
// operation. A panic becomes a SOAP fault, never a dropped connection.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			h.log.Error("EWS panic", "panic", v)
			writeFault(w, http.StatusInternalServerError, false, "ErrorInternalServerError", "An internal server error occurred. The operation failed.")
		}
	}()
	if !strings.EqualFold(r.URL.Path, Path) {
		http.NotFound(w, r)
		return
	}
	user, ok := h.authenticate(w, r)
	if !ok {
		return
	}
	doc, ok := h.readBody(w, r)
	if !ok {
		return
	}
	h.dispatch(w, user, doc)
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

// readBody enforces POST, SOAP 1.1's content type and MaxBody.
func (h *Handler) readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		writeFault(w, http.StatusMethodNotAllowed, true, "ErrorInvalidRequest", "EWS requests are SOAP messages sent with POST.")
		return nil, false
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "application/soap+xml" {
		writeFault(w, http.StatusUnsupportedMediaType, true, "ErrorInvalidRequest", "SOAP 1.2 is not supported; send SOAP 1.1 as text/xml.")
		return nil, false
	}
	doc, err := io.ReadAll(io.LimitReader(r.Body, MaxBody+1))
	if err != nil || len(doc) > MaxBody {
		writeFault(w, http.StatusRequestEntityTooLarge, true, "ErrorInvalidRequest", "The request is larger than 4 MiB.")
		return nil, false
	}
	return doc, true
}

// dispatch parses the envelope, refuses unsupported headers and runs the
// operation named by the body's first element.
func (h *Handler) dispatch(w http.ResponseWriter, user exchange.User, doc []byte) {
	var env envelope
	if err := xml.Unmarshal(doc, &env); err != nil {
		writeFault(w, http.StatusBadRequest, true, "ErrorSchemaValidation", "The request failed schema validation: "+err.Error())
		return
	}
	for _, item := range env.Header.Items {
		if item.XMLName.Local == "ExchangeImpersonation" {
			writeFault(w, http.StatusBadRequest, true, "ErrorImpersonationDenied", "ExchangeImpersonation is not supported by ucfake; authenticate as the user instead.")
			return
		}
	}
	name := env.Body.Op.XMLName
	op, ok := h.ops[name.Local]
	if !ok || name.Space != NSMessages {
		writeFault(w, http.StatusBadRequest, true, "ErrorInvalidRequest", "The operation "+name.Local+" is not supported (namespace "+name.Space+").")
		return
	}
	body, err := op(h, user, doc, env.Body.Op.Attrs)
	if err != nil {
		writeFault(w, http.StatusBadRequest, true, "ErrorSchemaValidation", "The request failed schema validation: "+err.Error())
		return
	}
	writeEnvelope(w, http.StatusOK, body)
}

// decodeOp decodes the body's operation element of doc into v.
func decodeOp(doc []byte, v any) error {
	var env struct {
		Body struct {
			Inner []byte `xml:",innerxml"`
		} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Body"`
	}
	if err := xml.Unmarshal(doc, &env); err != nil {
		return err
	}
	dec := xml.NewDecoder(bytes.NewReader(env.Body.Inner))
	for {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok {
			return dec.DecodeElement(v, &se)
		}
	}
}
