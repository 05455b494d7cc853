#!/usr/bin/env bash
# Debian's python3-exchangelib (4.9.0-1 in bookworm; the script checks the
# version) for fakes/ews/conformance (TestExchangelibConformance). It installs
# for /usr/bin/python3, which the test runs; .ci/run has run apt-get update.
set -euo pipefail
/usr/bin/python3 -c 'import exchangelib' 2>/dev/null || apt-get install -y -qq --no-install-recommends python3-exchangelib
/usr/bin/python3 -c 'import exchangelib; print("exchangelib", exchangelib.__version__)'
