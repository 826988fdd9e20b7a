#!/usr/bin/env bash
# Regenerates crates/haven-linkage/tests/data/clkhash-vectors.json with clkhash in a throwaway venv.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="$("$ROOT/scripts/linkage-venv.sh")"
"$PY" "$ROOT/scripts/clkhash_vectors.py" > "$ROOT/crates/haven-linkage/tests/data/clkhash-vectors.json"
echo "wrote crates/haven-linkage/tests/data/clkhash-vectors.json" >&2
