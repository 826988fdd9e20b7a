#!/usr/bin/env bash
# Load test of the server (a benchmark, not a test): authenticated reads of a screening record
# and screening submissions, 64 connections, against a demo world of N screenings, on SQLite and
# then on PostgreSQL. Installs wrk (Debian) when missing. Prints wrk's figures (requests/s and
# latency percentiles) for each run.
#
# Usage: scripts/load-test.sh [CASES (default 100000)] [SECONDS per run (default 30)]
# PostgreSQL: set HAVEN_LOAD_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/test); the
# script creates and drops a database haven_load there.
set -euo pipefail
cd "$(dirname "$0")/.."
CASES="${1:-100000}"
SECONDS_PER_RUN="${2:-30}"
PORT=18181
WORK="${HAVEN_LOAD_DIR:-$PWD/target/load-test}"
PASSWORD="load test password 1"
mkdir -p "$WORK"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v jq >/dev/null || { apt-get update -qq && apt-get install -y -qq jq >/dev/null; }
cargo build --release --quiet
HAVEN=target/release/haven

run_engine() {
  local label="$1"; shift
  echo "== $label: preparing $CASES screenings"
  HAVEN_DEMO_PASSWORD="$PASSWORD" HAVEN_LOG=warn "$HAVEN" demo "$@" --cases "$CASES" --prepare-only
  HAVEN_LOG=warn "$HAVEN" serve "$@" --listen "127.0.0.1:$PORT" > "$WORK/serve.log" 2>&1 &
  local server=$!
  trap 'kill $server 2>/dev/null || true' RETURN
  for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

  local jar="$WORK/cookies"
  curl -sf -c "$jar" -H 'content-type: application/json' \
    -d "{\"username\":\"caseworker\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$PORT/api/v1/session" >/dev/null
  HAVEN_TOKEN=$(curl -sf -b "$jar" -H 'content-type: application/json' -H 'sec-fetch-site: same-origin' \
    -d '{"name":"load test","scopes":["read","write"],"days":1}' "http://127.0.0.1:$PORT/api/v1/account/tokens" | jq -r .token)
  export HAVEN_TOKEN
  curl -sf -H "Authorization: Bearer $HAVEN_TOKEN" "http://127.0.0.1:$PORT/api/v1/screenings?limit=500" | jq -r '.[].id' > "$WORK/ids"
  export HAVEN_IDS_FILE="$WORK/ids"
  jq -c '{input: .input}' reference/screening-examples/S01-construction-debt-bondage.json > "$WORK/body.json"
  export HAVEN_BODY_FILE="$WORK/body.json"

  echo "== $label: reads of a screening record, 64 connections, ${SECONDS_PER_RUN}s"
  wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency -s scripts/load/read-screening.lua "http://127.0.0.1:$PORT"
  echo "== $label: screening submissions, 64 connections, ${SECONDS_PER_RUN}s"
  wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency -s scripts/load/submit-screening.lua "http://127.0.0.1:$PORT"
  kill "$server"; wait "$server" 2>/dev/null || true
}

run_engine "SQLite" --data-dir "$WORK/sqlite-$CASES"

if [ -n "${HAVEN_LOAD_POSTGRES_URL:-}" ]; then
  base="${HAVEN_LOAD_POSTGRES_URL%/*}"
  psql "$HAVEN_LOAD_POSTGRES_URL" -qc 'DROP DATABASE IF EXISTS haven_load WITH (FORCE)'
  psql "$HAVEN_LOAD_POSTGRES_URL" -qc 'CREATE DATABASE haven_load'
  rm -f "$WORK/pg-master.key" "$WORK/demo-logins.txt"
  run_engine "PostgreSQL" --database-url "$base/haven_load" --key-file "$WORK/pg-master.key"
  psql "$HAVEN_LOAD_POSTGRES_URL" -qc 'DROP DATABASE IF EXISTS haven_load WITH (FORCE)'
fi
