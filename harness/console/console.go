// Package console is ucfake's web console at /_ucfake/ui/: for one tenant,
// its users with their client kind, policies and telephony; the doctor's
// findings with their resolutions and verification; the delegation picture
// (package diagnose) kept live; the computers with their groups, banners,
// registry values and MAPI status; the add-in's outcomes; and the event
// timeline on virtual time with filters. Buttons drive the desktops, the
// clock and MAPI through the control plane's JSON routes.
//
// Server-rendered with html/template from embedded files; the little
// script (console.js) only posts to the control plane and fetches the page
// again. No build step.
package console

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/ucfake/ucfake/control"
	"github.com/ucfake/ucfake/harness"
)

//go:embed assets
var assets embed.FS

var pageTemplate = template.Must(template.New("page.html").Funcs(template.FuncMap{
	"list": func(s ...string) []string { return s },
	"join": strings.Join,
}).ParseFS(assets, "assets/page.html"))

// DefaultEvents is how many events the timeline shows unless asked.
const DefaultEvents = 60

// New returns the console of a server's tenants, for
// harness.ServeOptions.Console. The control plane mounts it at
// /_ucfake/ui/ (and /_ucfake/t/<tenant>/ui/): GET / is the page, ?partial=1
// its live part, graph.svg and graph.dot the picture alone, static/ the
// stylesheet and the script.
func New(ts *harness.Tenants) http.Handler {
	mux := http.NewServeMux()
	c := &consoleHandler{ts: ts}
	mux.HandleFunc("GET /_ucfake/ui/{$}", c.page)
	mux.HandleFunc("GET /_ucfake/ui/graph.svg", c.graph("image/svg+xml", func(w *harness.World) string { return w.Graph().SVG() }))
	mux.HandleFunc("GET /_ucfake/ui/graph.dot", c.graph("text/vnd.graphviz; charset=utf-8", func(w *harness.World) string { return w.Graph().DOT() }))
	mux.HandleFunc("GET /_ucfake/ui/static/{file}", static)
	return mux
}

type consoleHandler struct{ ts *harness.Tenants }

func (c *consoleHandler) world(w http.ResponseWriter, r *http.Request) (*harness.World, string, bool) {
	name := control.RequestTenant(r)
	world, err := c.ts.Get(name)
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return nil, name, false
	}
	return world, name, true
}

func (c *consoleHandler) page(w http.ResponseWriter, r *http.Request) {
	world, name, ok := c.world(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	f := eventFilter{Source: q.Get("source"), Actor: q.Get("actor"), Limit: DefaultEvents}
	if n, err := strconv.Atoi(q.Get("limit")); err == nil && n > 0 && n <= 10000 {
		f.Limit = n
	}
	tmpl := "page.html"
	if q.Get("partial") != "" {
		tmpl = "live"
	}
	var b bytes.Buffer
	if err := pageTemplate.ExecuteTemplate(&b, tmpl, newPage(c.ts, name, world, f)); err != nil {
		http.Error(w, "console: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b.Bytes())
}

func (c *consoleHandler) graph(ctype string, render func(*harness.World) string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		world, _, ok := c.world(w, r)
		if !ok {
			return
		}
		w.Header().Set("Content-Type", ctype)
		w.Write([]byte(render(world)))
	}
}

var staticTypes = map[string]string{"console.css": "text/css; charset=utf-8", "console.js": "text/javascript; charset=utf-8"}

func static(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	ctype, ok := staticTypes[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	data, _ := assets.ReadFile("assets/" + name)
	w.Header().Set("Content-Type", ctype)
	w.Write(data)
}
