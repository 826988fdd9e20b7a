#!/usr/bin/env bash
# Side-by-side benchmark of `haven link` against clkhash and anonlink (installed into a throwaway
# virtualenv by scripts/linkage-venv.sh). Usage: scripts/bench-linkage.sh [RECORDS, default 100000]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RECORDS="${1:-100000}"
PY="$("$ROOT/scripts/linkage-venv.sh")"
(cd "$ROOT" && CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}" cargo build --release -p haven --quiet)
WORK="$ROOT/target/bench-linkage"
"$PY" "$ROOT/scripts/bench_linkage.py" "$ROOT/target/release/haven" "$WORK" "$RECORDS"
