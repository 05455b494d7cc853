#!/usr/bin/env bash
# A Docker engine for the container specs (harness/container), then the
# ucfake:dev image. No image is pulled: the image is FROM scratch.
# dockerd runs without a bridge or iptables; containers use host networking.
set -euo pipefail
command -v dockerd >/dev/null || apt-get install -y -qq --no-install-recommends docker.io
if ! docker info >/dev/null 2>&1; then
  nohup dockerd --bridge=none --iptables=false >/tmp/dockerd.log 2>&1 &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
fi
docker info --format 'docker engine {{.ServerVersion}}'
make image
