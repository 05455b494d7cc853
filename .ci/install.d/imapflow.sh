#!/usr/bin/env bash
# The unmodified npm package imapflow, pinned by package-lock.json (1.7.8:
# imapflow 2.x needs node 20, Debian bookworm has 18), for
# fakes/imap/conformance (TestImapflowConformance); node and npm from
# Debian when missing.
set -euo pipefail
source "$(dirname "$0")/../lib/node.sh"
need_node
cd "$(dirname "$0")/../../fakes/imap/conformance"
npm ci --no-audit --no-fund
