#!/usr/bin/env bash
# Times `haven estimate` (release build) with every method on every reference data set where the
# method is feasible, then a 1,000-replicate BCa bootstrap on the 8-list New Orleans data.
# Targets: stepwise methods on every data set plus best-BIC on those up to 5 lists under 1 s in
# total; the bootstrap under 10 s.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}"
cargo build --release -p haven --quiet
haven=target/release/haven

now() { date +%s.%N; }
total_fast=0
run() { # label, then the arguments of haven estimate
    local label=$1; shift
    local start end seconds estimate
    start=$(now)
    estimate=$("$haven" estimate "$@" --ci none | sed -E 's/.*"estimate":([^,]*),.*/\1/')
    end=$(now)
    seconds=$(echo "$end - $start" | bc -l)
    printf '%-45s %-16s %12s %8.3f s\n' "$label" "$(basename "$1")" "$estimate" "$seconds"
    LAST=$seconds
}

printf '%-45s %-16s %12s %10s\n' "method" "data" "estimate" "time"
for file in reference/mse-data/*.csv; do
    lists=$(($(head -1 "$file" | tr ',' '\n' | wc -l) - 1))
    run "main" "$file" --method main
    run "stepwise-aic" "$file" --method stepwise-aic; total_fast=$(echo "$total_fast + $LAST" | bc -l)
    run "stepwise-p" "$file" --method stepwise-p; total_fast=$(echo "$total_fast + $LAST" | bc -l)
    if [ "$lists" -le 5 ]; then
        run "best-bic order 2" "$file" --method best-bic; total_fast=$(echo "$total_fast + $LAST" | bc -l)
        run "best-bic order 3" "$file" --method best-bic --max-order 3
    elif [ "$lists" -le 6 ]; then
        run "best-bic order 2 (6 lists)" "$file" --method best-bic
    fi
done
printf 'stepwise on every data set + best-BIC (order 2) up to 5 lists: %.3f s in total (target < 1 s)\n' "$total_fast"

start=$(now)
"$haven" estimate reference/mse-data/neworleans_8lists_v185.csv --ci bca --bootstrap 1000 --seed 1 >/tmp/bench-mse-bca.json
end=$(now)
printf 'BCa bootstrap, 1000 replicates, stepwise-p, New Orleans 8 lists: %.3f s (target < 10 s)\n' "$(echo "$end - $start" | bc -l)"
cat /tmp/bench-mse-bca.json
