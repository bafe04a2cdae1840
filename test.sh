#!/usr/bin/env bash
# Runs every test of Iomete.Functions. Installs what the tests need on a fresh Debian machine
# (PostgreSQL server binaries, Node.js for s3rver), then runs `dotnet test` on the solution and
# prints one closing line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# PostgreSQL server binaries (tests start their own private server with initdb + pg_ctl).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "installing PostgreSQL server binaries"
  # The tests run private servers; the package's default cluster is not wanted.
  as_root mkdir -p /etc/postgresql-common
  echo 'create_main_cluster = false' | as_root tee /etc/postgresql-common/createcluster.conf >/dev/null
  apt_install postgresql-15 util-linux
fi
# OpenLDAP's slapd and its tools (LDAP tests start a private server on a free port).
if ! command -v slapd >/dev/null && [ ! -x /usr/sbin/slapd ]; then
  echo "installing OpenLDAP slapd"
  apt_install slapd ldap-utils
fi
# Debian's Chromium drives the console's end-to-end tests (Playwright uses it; no browser download works here).
if [ ! -x /usr/bin/chromium ]; then
  echo "installing Chromium"
  apt_install chromium fonts-liberation
fi
# nginx serves the console image's static files; its tests run the image's configuration (no service is started).
if [ ! -x /usr/sbin/nginx ]; then
  echo "installing nginx"
  apt_install nginx
fi
# yamllint checks the Helm chart's rendered templates and the Dapr components.
if ! command -v yamllint >/dev/null; then
  echo "installing yamllint"
  apt_install yamllint
fi
# Node.js runs the S3-compatible test server (npm s3rver) and, later, independent clients.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "installing Node.js"
  apt_install nodejs npm
fi
if [ -f tests/node/package-lock.json ]; then
  (cd tests/node && npm ci --no-audit --no-fund --loglevel=error)
fi

log=$(mktemp)
status=0
dotnet test Iomete.Functions.sln -c "${CONFIGURATION:-Debug}" "$@" 2>&1 | tee "$log" || status=$?

# dotnet test prints one "Passed!/Failed! - Failed: a, Passed: b, Skipped: c" line per assembly.
summary=$(grep -E '(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" \
  | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped\n", p, f, s}')
rm -f "$log"
echo "$summary"
exit "$status"
