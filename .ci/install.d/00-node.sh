#!/usr/bin/env bash
# Node.js 18 or later and npm from Debian, when missing: the control plane's
# Node client (control/clients/kb_issue1.mjs, built-in fetch) and
# fakes/ews/conformance (npm ci) need them. 00- runs it before the scripts
# that use node.
set -euo pipefail
command -v node >/dev/null && command -v npm >/dev/null || apt-get install -y -qq --no-install-recommends nodejs npm
major=$(node --version | sed -E 's/^v([0-9]+).*/\1/')
[ "$major" -ge 18 ] || { echo "node $(node --version) has no built-in fetch: 18 or later is needed" >&2; exit 1; }
node --version
