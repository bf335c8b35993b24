#!/usr/bin/env bash
# Builds the server jar (no tests), starts it on loopback port PORT (default 18080) with its own embedded
# PostgreSQL under a temporary directory, runs bench.mjs against it, and stops it.
#   bench/saml/run.sh            (DURATION and CONCURRENCY are passed through; JAVA_OPTS to the server)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ ! -f server/target/justiam.jar || "${REBUILD:-0}" == 1 ]]; then
  mvn -B -o -q package -DskipTests
fi
data="$(mktemp -d /tmp/justiam-bench.XXXXXX)"
# Run as root, the embedded PostgreSQL runs as an unprivileged account that must enter the folder.
chmod 755 "$data"
port="${PORT:-18080}"
export JUSTIAM_ADMIN_PASSWORD="bench-admin-$(date +%s)"
JUSTIAM_DATA_DIR="$data" JUSTIAM_HTTP_PORT="$port" java ${JAVA_OPTS:-} -jar server/target/justiam.jar >"$data/server.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { tail -20 "$data/server.log"; exit 1; }
  sleep 1
done
JUSTIAM_BASE_URL="http://localhost:$port" node bench/saml/bench.mjs
