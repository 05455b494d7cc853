// The console's little script: buttons and forms POST to the control plane
// (JSON), then the live part of the page is fetched again; every two
// seconds too while "live" is ticked. No build step, no framework.
(function () {
  "use strict";
  var base = document.body.dataset.base, ui = document.body.dataset.ui, busy = false;
  var status = document.getElementById("status");

  function say(text) { status.textContent = text; }

  function post(path, body) {
    busy = true;
    return fetch(base + path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body || {}) })
      .then(function (r) { return r.json().then(function (j) { return { code: r.status, json: j }; }); })
      .then(function (res) {
        var j = res.json, msg = "POST " + path + ": " + res.code;
        if (j && j.error) { msg += " " + j.error; }
        else if (j && j.kind) { msg += " add-in " + j.kind + (j.text ? ": " + j.text : ""); }
        say(msg);
      })
      .catch(function (e) { say("POST " + path + " failed: " + e); })
      .then(function () { busy = false; return refresh(); });
  }

  // formBody turns a form into the JSON its route takes.
  function formBody(form, submitter) {
    var data = {};
    new FormData(form).forEach(function (v, k) { data[k] = v; });
    if (submitter && submitter.name === "op") { // Delegate Access: {"add": [user]} or {"remove": [user]}
      var out = {}; out[submitter.value] = [data.user]; return out;
    }
    return data;
  }

  function refresh() {
    var q = new URLSearchParams(location.search); q.set("partial", "1");
    return fetch(ui + "?" + q.toString()).then(function (r) { return r.text(); }).then(function (html) {
      var open = {};
      document.querySelectorAll("details[data-cause]").forEach(function (d) { open[d.closest("[data-manager]").dataset.manager + d.dataset.cause] = d.open; });
      document.getElementById("live").innerHTML = html;
      document.querySelectorAll("details[data-cause]").forEach(function (d) {
        var k = d.closest("[data-manager]").dataset.manager + d.dataset.cause;
        if (k in open) { d.open = open[k]; }
      });
      document.body.dataset.refreshed = String(Date.now());
    });
  }

  document.addEventListener("click", function (ev) {
    var b = ev.target.closest("button[data-post]");
    if (!b) { return; }
    ev.preventDefault();
    post(b.dataset.post, b.dataset.body ? JSON.parse(b.dataset.body) : {});
  });
  document.addEventListener("submit", function (ev) {
    var f = ev.target.closest("form[data-post]");
    if (!f) { return; }
    ev.preventDefault();
    post(f.dataset.post, formBody(f, ev.submitter));
  });
  setInterval(function () {
    if (!busy && document.getElementById("live-on").checked) { refresh(); }
  }, 2000);
})();
