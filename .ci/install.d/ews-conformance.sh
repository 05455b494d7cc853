#!/usr/bin/env bash
# The unmodified npm package ews-javascript-api, pinned by package-lock.json,
# for fakes/ews/conformance (TestEWSJavaScriptConformance).
set -euo pipefail
cd "$(dirname "$0")/../../fakes/ews/conformance"
node --version
npm ci --no-audit --no-fund
