#!/usr/bin/env bash
# Builds the server jar, starts it on a fresh embedded database in a temporary directory, runs the
# bounded load of bench.mjs against it on loopback, and stops it. Usage:
#   bench/oidc/run.sh            (DURATION=20 CONCURRENCY=8 by default)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
port="${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
data="$(mktemp -d /tmp/justiam-bench.XXXXXX)"
# The embedded PostgreSQL runs as an unprivileged account when started as root; it must reach this folder.
chmod 755 "$data"
if [[ ! -f "$root/server/target/justiam.jar" || "${BUILD:-1}" == "1" ]]; then
  (cd "$root" && mvn -B -q -o package -DskipTests)
fi
JUSTIAM_HTTP_PORT="$port" JUSTIAM_DATA_DIR="$data" JUSTIAM_ADMIN_PASSWORD=bench-admin-password \
  JUSTIAM_PUBLIC_URL="http://127.0.0.1:$port" java -jar "$root/server/target/justiam.jar" > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; cp "$data/server.log" /tmp/justiam-bench-server.log; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/healthz" > /dev/null && break
  sleep 1
done
BASE_URL="http://127.0.0.1:$port" ADMIN_PASSWORD=bench-admin-password node "$root/bench/oidc/bench.mjs"
