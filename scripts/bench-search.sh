#!/usr/bin/env bash
# What the search index costs: fresh builds with and without --no-search (median of 3, each
# into an empty output folder, so no shard is reused), their ratio and peak memory, the size
# of pagefind/; then a rebuild after one page changed, which re-indexes only that page's
# shard. For the example site, the generated corpus of N pages (default 1000 and 10000) and
# the national indicator site (scripts/gen_national.py); all on /dev/shm.
#
#   scripts/bench-search.sh [N ...]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
base=/dev/shm/kertomus-search-bench
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-$PWD/target}/release/kertomus"
rm -rf "$base"; mkdir -p "$base"

# Median wall and the highest peak RSS (MB) of 3 fresh builds of $1 with the flags $2.
fresh() {
  local walls=() peak=0 log wall kb
  for _ in 1 2 3; do
    rm -rf "$base/out"; log=$(mktemp)
    /usr/bin/time -f "%e %M" "$bin" build -q $2 --root "$1" --output "$base/out" 2>"$log"
    read -r wall kb < <(tail -n 1 "$log"); rm -f "$log"
    walls+=("$wall"); [ "$kb" -gt "$peak" ] && peak=$kb
  done
  echo "$(printf '%s\n' "${walls[@]}" | sort -g | sed -n 2p) $((peak / 1024))"
}

measure() {  # label root page-to-change
  read -r with with_mb < <(fresh "$2" "")
  local index; index=$(du -sm "$base/out/pagefind" | cut -f1)
  read -r without without_mb < <(fresh "$2" "--no-search")
  rm -rf "$base/out"; "$bin" build -q --root "$2" --output "$base/out"
  printf '\nTämä lause muuttui.\n' >> "$3"
  local log; log=$(mktemp)
  /usr/bin/time -f "%e" "$bin" build --timings --root "$2" --output "$base/out" >"$log" 2>"$log.t"
  local again shards; again=$(tail -n 1 "$log.t"); shards=$(grep -o '[0-9]* pages in [0-9]* shards\?, [0-9]* indexed' "$log" || true)
  rm -f "$log" "$log.t"
  awk -v l="$1" -v w="$with" -v wm="$with_mb" -v o="$without" -v om="$without_mb" -v i="$index" -v a="$again" -v s="$shards" 'BEGIN {
    printf "%s: with search %.2f s (%d MB), without %.2f s (%d MB): %.1fx the time, %.1fx the memory; pagefind/ %d MB; one page changed: %.2f s (%s)\n",
      l, w, wm, o, om, w / o, wm / om, i, a, s }'
}

mkdir -p "$base/example" && cp -r content "$base/example/content"
measure "example site" "$base/example" "$base/example/content/index.md"
for n in "${sizes[@]}"; do
  python3 ../shared/bench/gen_corpus.py "$n" "$base/corpus-$n" --sites kertomus >/dev/null
  measure "N=$n" "$base/corpus-$n/kertomus" "$base/corpus-$n/kertomus/content/osio-001/sivu-00001.md"
done
python3 scripts/gen_national.py "$base/national" >/dev/null
measure "national site" "$base/national" "$(find "$base/national/content" -name '*.md' | sort | head -n 1)"
rm -rf "$base"
