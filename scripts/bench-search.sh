#!/usr/bin/env bash
# What the search index costs (issue 5): build wall time and peak memory with and without
# --no-search (median of 3), and the size of pagefind/, for the example site and the generated
# corpus of N pages (default 1000 and 10000) on the RAM disk /dev/shm.
#
#   scripts/bench-search.sh [N ...]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
base=/dev/shm/kertomus-search-bench
cargo build --release --quiet
bin="$PWD/target/release/kertomus"
measure() {  # label root
  for mode in "" "--no-search"; do
    walls=(); peak=0
    for _ in 1 2 3; do
      log=$(mktemp)
      /usr/bin/time -f "%e %M" "$bin" build -q $mode --root "$2" --output "$base/out" 2>"$log"
      read -r wall kb <"$log"; rm -f "$log"
      walls+=("$wall"); [ "$kb" -gt "$peak" ] && peak=$kb
    done
    median=$(printf '%s\n' "${walls[@]}" | sort -g | sed -n 2p)
    size=$(du -sm "$base/out" | cut -f1)
    index=$( [ -d "$base/out/pagefind" ] && du -sm "$base/out/pagefind" | cut -f1 || echo 0)
    echo "$1 ${mode:-(with search)}: median ${median} s, peak RSS $((peak / 1024)) MB, output ${size} MB (pagefind/ ${index} MB)"
  done
}
mkdir -p "$base"
measure "example site" .
for n in "${sizes[@]}"; do
  python3 ../shared/bench/gen_corpus.py "$n" "$base/corpus-$n" --sites kertomus >/dev/null
  measure "N=$n" "$base/corpus-$n/kertomus"
done
rm -rf "$base"
