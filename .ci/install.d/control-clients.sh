#!/usr/bin/env bash
# The control plane's clients outside Go (control/clients): Node 18 or later
# (built-in fetch) and Debian's /usr/bin/python3 (standard library only),
# from Debian when missing.
set -euo pipefail
source "$(dirname "$0")/../lib/node.sh"
need_node
major=$(node --version | sed -E 's/^v([0-9]+).*/\1/')
[ "$major" -ge 18 ] || { echo "node $(node --version) has no built-in fetch: 18 or later is needed" >&2; exit 1; }
[ -x /usr/bin/python3 ] || apt-get install -y -qq --no-install-recommends python3
/usr/bin/python3 --version
