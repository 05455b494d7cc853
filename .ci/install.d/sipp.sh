#!/usr/bin/env bash
# sipp (Debian package sip-tester): a real SIP peer for fakes/sip's TestSippScenarios.
set -euo pipefail
command -v sipp >/dev/null || apt-get install -y -qq --no-install-recommends sip-tester
command -v sipp
