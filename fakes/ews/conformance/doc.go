// Package conformance checks the EWS front end with a real client: the
// unmodified npm package ews-javascript-api, pinned by package-lock.json and
// installed with npm ci (.ci/install.d/ews-conformance.sh), runs
// conformance.js against ucfake served on 127.0.0.1.
package conformance
