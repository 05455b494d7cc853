# Sourced by the .ci/install.d scripts of the Node suites: installs node
# and npm from Debian (nodejs, npm) when either is missing. CI machines
# start with nothing; .ci/run has run apt-get update. Debian bookworm's
# nodejs is 18.x: the pinned clients run on it.
need_node() {
  local missing=()
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  echo "node $(node --version), npm $(npm --version)"
}
