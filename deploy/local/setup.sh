#!/usr/bin/env bash
# Sets up everything `make run` and `make test` need on a fresh machine, and nothing twice:
# Debian's nginx, PostgreSQL and Chromium, uv, the Python workspace, Kafka's jars, the patched FerretDB
# launcher, kustomize (for the manifest tests), the web portal's build. Every step checks first, so
# a warm machine passes through in a second or two.
set -euo pipefail
cd "$(dirname "$0")/../.."

UV_VERSION=0.13.8
TOOLS=.cache/tools
export UV_PYTHON_DOWNLOADS=never UV_PYTHON=python3.11 UV_LINK_MODE=copy

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
need() { command -v "$1" >/dev/null 2>&1 || { say "missing $1: $2"; exit 1; }; }

need python3.11 "this project needs the machine's Python 3.11"
need java "Kafka needs Java 17 (the machine's OpenJDK)"
need mvn "Kafka's jars are fetched with Maven"
need go "the FerretDB launcher is built with Go"

apt_packages=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || apt_packages+=(nginx-light)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || apt_packages+=(postgresql)  # the database under FerretDB
command -v patch >/dev/null 2>&1 || apt_packages+=(patch)  # applies deploy/ferretdb/patches
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)  # the browser tests drive Debian's Chromium
command -v promtool >/dev/null 2>&1 || apt_packages+=(prometheus)  # promtool checks deploy/observability
# The receipt PDF's font: DejaVu Sans has ə ş ç ğ ı ö ü and Cyrillic.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || apt_packages+=(fonts-dejavu-core)
if [ ${#apt_packages[@]} -gt 0 ]; then
  say "installing Debian packages: ${apt_packages[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

if ! "$TOOLS/bin/uv" --version 2>/dev/null | grep -q "$UV_VERSION"; then
  say "installing uv $UV_VERSION"
  python3.11 -m venv "$TOOLS"
  "$TOOLS/bin/pip" install -q --disable-pip-version-check "uv==$UV_VERSION"
fi

say "syncing the Python workspace"
"$TOOLS/bin/uv" sync -q

say "fetching Kafka, patching and building the FerretDB launcher (cached)"
.venv/bin/python -m devstack prepare

# kustomize renders deploy/k8s for the manifest tests (tests/deploy). v5.7 is the newest that the
# machine's Go 1.26 builds (v5.8 wants Go 1.27); the Go module proxy serves it like any module.
KUSTOMIZE_VERSION=v5.7.1
if ! "$TOOLS/bin/kustomize" version 2>/dev/null | grep -qx "$KUSTOMIZE_VERSION"; then
  say "building kustomize $KUSTOMIZE_VERSION (about 3 minutes the first time)"
  GOBIN="$PWD/$TOOLS/bin" GOTOOLCHAIN=local go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION"
fi

# The gateway serves web/dist: build it when it is missing or older than any of its sources.
web_sources=(web/index.html web/package.json web/package-lock.json web/vite.config.ts web/tsconfig.json web/src web/public)
if [ ! -f web/dist/index.html ] || [ -n "$(find "${web_sources[@]}" -newer web/dist/index.html -print -quit)" ]; then
  need npm "the web portal is built with Node.js 20 and npm"
  if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    say "installing the web portal's build tools (npm ci)"
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
  fi
  say "building the web portal"
  (cd web && npm run --silent build)
fi
say "ready"
