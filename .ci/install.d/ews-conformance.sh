#!/usr/bin/env bash
# The unmodified npm package ews-javascript-api, pinned by package-lock.json,
# for fakes/ews/conformance (TestEWSJavaScriptConformance); node and npm
# from Debian when missing.
set -euo pipefail
source "$(dirname "$0")/../lib/node.sh"
need_node
cd "$(dirname "$0")/../../fakes/ews/conformance"
npm ci --no-audit --no-fund
