#!/usr/bin/env bash
# Build-speed benchmark: builds the generated corpus of N pages (default: 1000 and 10000) with
# the release binary and reports wall time (median of 5 runs after a warm-up), pages per second
# and peak memory. Built with --no-search, as the reference generators build no search index;
# scripts/bench-search.sh measures what the index adds. Corpus and output live on the RAM disk /dev/shm, as in the reference
# figures of ../shared/bench/README.md (Zola 0.22: 10,000 pages in 4.8 s, 489 MB peak).
#
#   scripts/bench.sh [N ...]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
runs=5
base=/dev/shm/kertomus-bench
gen=../shared/bench/gen_corpus.py

cargo build --release --quiet
bin="$PWD/target/release/kertomus"
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

for n in "${sizes[@]}"; do
  corpus="$base/corpus-$n"
  python3 "$gen" "$n" "$corpus" --sites kertomus >/dev/null
  site="$corpus/kertomus"
  "$bin" build -q --no-search --root "$site" --output "$base/out-$n"   # warm-up
  walls=(); peaks=()
  for _ in $(seq "$runs"); do
    log=$(mktemp)
    /usr/bin/time -v "$bin" build -q --no-search --root "$site" --output "$base/out-$n" 2>"$log"
    walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2,t,":"); if (length(t)==3) print t[1]*3600+t[2]*60+t[3]; else print t[1]*60+t[2]}' "$log")")
    peaks+=("$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")")
    rm -f "$log"
  done
  median=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  peak=$(printf '%s\n' "${peaks[@]}" | sort -g | tail -1)
  pages=$(find "$base/out-$n" -name index.html | wc -l)
  awk -v n="$n" -v m="$median" -v p="$peak" -v pages="$pages" -v all="${walls[*]}" 'BEGIN {
    printf "N=%d: median wall %.2f s over %d runs (%s), %.0f source pages/s, %d HTML pages written, peak RSS %.0f MB\n",
      n, m, split(all, x, " "), all, n / m, pages, p / 1024 }'
done
rm -rf "$base"
