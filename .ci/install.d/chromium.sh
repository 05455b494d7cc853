#!/usr/bin/env bash
# Debian's chromium, headless, for the console's browser test
# (harness/console TestBrowserPlaysKBIssue1, driven with chromedp). Under
# CI=true that test fails without it. The test starts chromium itself with
# --headless --no-sandbox --disable-gpu, a fresh profile and no background
# traffic; it only talks to 127.0.0.1.
set -euo pipefail
command -v chromium >/dev/null || apt-get install -y -qq --no-install-recommends chromium
chromium --version
