#!/usr/bin/env bash
# Creates (once) the throwaway Python virtualenv holding clkhash and anonlink, the reference
# implementations Haven's linkage is checked and benchmarked against. Prints the venv's python.
set -euo pipefail
VENV="${HAVEN_LINKAGE_VENV:-$(cd "$(dirname "$0")/.." && pwd)/target/linkage-venv}"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import clkhash, anonlink' 2>/dev/null; then
    python3 -m venv "$VENV" >&2
    "$VENV/bin/pip" install --quiet --upgrade pip >&2
    "$VENV/bin/pip" install --quiet 'clkhash==0.18.3' 'anonlink==0.15.3' >&2
fi
echo "$VENV/bin/python"
