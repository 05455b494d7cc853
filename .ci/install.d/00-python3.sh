#!/usr/bin/env bash
# Debian's /usr/bin/python3, when missing: the control plane's Python client
# (control/clients/kb_issue1.py, standard library only) and the exchangelib
# conformance test run it. 00- runs it before the scripts that use it.
set -euo pipefail
[ -x /usr/bin/python3 ] || apt-get install -y -qq --no-install-recommends python3
/usr/bin/python3 --version
