package lyncadmin

import (
	"github.com/ucfake/ucfake/fakes/lync"

	"mime"
	"net/http"
	"strings"
)

// isText reports whether the request body is plain text (a SEFAUtil
// command line rather than JSON parameters).
func isText(r *http.Request) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && mt == "text/plain"
}

// sefaText runs SEFAUtil with a plain-text command line, the way an admin
// types it ("SEFAUtil.exe /server:pool sip:boss@contoso.com
// /adddelegate:aide@contoso.com"; the program name is optional), and
// answers with the console output as text/plain. Errors keep the JSON
// API's status codes; their body is the error line the console would show.
func sefaText(w http.ResponseWriter, store *lync.Store, body []byte) {
	out, err := SEFAUtil(store, strings.Fields(string(body)))
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err != nil {
		status, _ := statusOf(err)
		w.WriteHeader(status)
		w.Write([]byte("ERROR: " + err.Error() + "\r\n"))
		return
	}
	w.WriteHeader(http.StatusOK)
	w.Write([]byte(out))
}
