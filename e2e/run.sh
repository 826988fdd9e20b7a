#!/usr/bin/env bash
# Runs the browser tests against one `haven demo` server: builds nothing itself (give it the
# binary), starts the demo on a free port with a fresh data directory, runs every test file in
# parallel workers, and stops the server whatever happens.
set -euo pipefail
cd "$(dirname "$0")"
HAVEN_BIN="${HAVEN_BIN:?give the haven binary in HAVEN_BIN}"

data="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export HAVEN_DEMO_PASSWORD="e2e demo password, long enough"
# Many users sign in within a minute from one address: raise the limit for this server only.
"$HAVEN_BIN" demo --data-dir "$data/demo" --listen "127.0.0.1:$port" --cases 60 --login-attempts-per-minute 200 >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/api/v1/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 $server 2>/dev/null; then cat "$data/server.log"; echo "FATAL: the demo server stopped" >&2; exit 1; fi
  sleep 0.5
done

export HAVEN_E2E_URL="http://127.0.0.1:$port"
export HAVEN_E2E_PASSWORD="$HAVEN_DEMO_PASSWORD"
mkdir -p screenshots
node --test --test-concurrency=2 --test-reporter=spec tests/
