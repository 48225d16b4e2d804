#!/usr/bin/env bash
# Live-reload benchmark (issue 5): the time from saving one page to the reload message that
# open pages receive, on the generated corpus of N pages (default 1000 and 10000), corpus on
# the RAM disk /dev/shm. Targets (issue 13): at most 50 ms at 1,000 pages, 150 ms at 10,000.
#
#   scripts/bench-serve.sh [N ...]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
base=/dev/shm/kertomus-serve-bench
cargo build --release --quiet --example serve_latency
for n in "${sizes[@]}"; do
  python3 ../shared/bench/gen_corpus.py "$n" "$base/corpus-$n" --sites kertomus >/dev/null
  echo "N=$n:"
  "${CARGO_TARGET_DIR:-target}"/release/examples/serve_latency "$base/corpus-$n/kertomus" 10
done
rm -rf "$base"
