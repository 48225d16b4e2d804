#!/usr/bin/env bash
# What the search index costs, with the Finnish analysis (libvoikko) on. For the example site,
# the generated corpus of N pages (default 1000 and 10000) and the national indicator site
# (scripts/gen_national.py), all on /dev/shm, fresh builds (each into an empty output folder,
# so no shard is reused) taking turns in 3 paired rounds, medians:
#
#   - with search (the analysis on), without the analysis (libvoikko hidden with
#     KERTOMUS_LIBVOIKKO), with --no-search, and, for the corpus when ZOLA= is given, Zola's
#     build with its search index (build_search_index = true, scripts/bench-sites/zola);
#     their ratios and peak memory;
#   - the output: pagefind/ with and without the analysis, and the Finnish query files
#     (how many, the largest, raw and gzipped: what one typed word adds to the page weight);
#   - a rebuild after one page changed, which re-indexes only that page's shard.
#
#   ZOLA=/path/to/zola scripts/bench-search.sh [N ...]
#
# Run it under the cargo lock (flock /tmp/cargo-session.lock …): timings must not overlap
# compiles. ../shared/bench/README.md says how to get Zola 0.22.1.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
base=/dev/shm/kertomus-search-bench
here="$PWD"
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-$PWD/target}/release/kertomus"
rm -rf "$base"; mkdir -p "$base"

# One timed run into an empty folder: prints "wall_seconds peak_mb".
timed() {
  local out=$1; shift
  rm -rf "$out"; local log; log=$(mktemp)
  /usr/bin/time -f "%e %M" "$@" >/dev/null 2>"$log" || { cat "$log" >&2; exit 1; }
  tail -n 1 "$log" | awk '{ printf "%s %d\n", $1, $2 / 1024 }'; rm -f "$log"
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
max() { printf '%s\n' "$@" | sort -g | tail -n 1; }

# The query files of the last build in $1: count, total KB, largest raw and gzipped KB.
forms() {
  local dir="$1/pagefind/forms/fi"
  [ -d "$dir" ] || { echo "none"; return; }
  local count total largest gz
  count=$(find "$dir" -type f | wc -l)
  total=$(du -sk "$dir" | cut -f1)
  largest=$(find "$dir" -type f -printf '%s %p\n' | sort -n | tail -n 1 | cut -d' ' -f2)
  gz=$(gzip -9 -c "$largest" | wc -c)
  printf '%d files, %d KB; the largest %s %.1f KB (%.1f KB gzipped); shards.json %.1f KB' \
    "$count" "$total" "$(basename "$largest")" "$(($(stat -c %s "$largest")))e-3" "${gz}e-3" \
    "$(stat -c %s "$1/pagefind/shards.json")e-3"
}

measure() {  # label root page-to-change [zola-root]
  local label=$1 root=$2 page=$3 zola=${4:-}
  declare -A walls=() peaks=()
  local kinds=(search analysis-off no-search); [ -n "$zola" ] && kinds+=(zola)
  for _ in 1 2 3; do
    for kind in "${kinds[@]}"; do
      case $kind in
        search) r=$(timed "$base/out" "$bin" build -q --root "$root" --output "$base/out") ;;
        analysis-off) r=$(timed "$base/out-plain" env KERTOMUS_LIBVOIKKO=/nonexistent "$bin" build -q --root "$root" --output "$base/out-plain") ;;
        no-search) r=$(timed "$base/out-none" "$bin" build -q --no-search --root "$root" --output "$base/out-none") ;;
        zola) r=$(timed "$base/out-zola" "$ZOLA" --root "$zola" build --force -o "$base/out-zola") ;;
      esac
      read -r wall mb <<<"$r"
      walls[$kind]="${walls[$kind]:-} $wall"; peaks[$kind]="${peaks[$kind]:-} $mb"
    done
  done
  echo "$label (median of 3 paired fresh builds, peak RSS):"
  local k; k=$(median ${walls[search]})
  for kind in "${kinds[@]}"; do
    awk -v kind="$kind" -v m="$(median ${walls[$kind]})" -v p="$(max ${peaks[$kind]})" -v k="$k" 'BEGIN {
      ratio = (kind == "search") ? "" : sprintf("   search/%s %.2f", kind, k / m);
      printf "  %-13s %7.2f s %6d MB%s\n", kind, m, p, ratio }'
  done
  printf '  pagefind/: %d KB with the analysis, %d KB without; query files: %s\n' \
    "$(du -sk "$base/out/pagefind" | cut -f1)" "$(du -sk "$base/out-plain/pagefind" | cut -f1)" \
    "$(forms "$base/out")"
  printf '\nTämä lause muuttui.\n' >> "$page"
  local log; log=$(mktemp)
  /usr/bin/time -f "%e" "$bin" build --timings --root "$root" --output "$base/out" >"$log" 2>"$log.t"
  printf '  one page changed: %.2f s (%s); %s\n' "$(tail -n 1 "$log.t")" \
    "$(grep -o '[0-9]* pages in [0-9]* shards\?, [0-9]* indexed' "$log" || true)" \
    "$(grep -o 'Finnish: [0-9]* distinct words.*' "$log" || echo 'no Finnish analysis')"
  rm -f "$log" "$log.t"
}

mkdir -p "$base/example" && cp -r content "$base/example/content"
measure "example site" "$base/example" "$base/example/content/index.md"
for n in "${sizes[@]}"; do
  sites=kertomus; zola=""
  if [ -n "${ZOLA:-}" ]; then
    # Zola's site with its search index on; kertomus last (the generator rewrites the first
    # site's pages into kertomus's format).
    mkdir -p "$base/zola-site"; cp -r "$here/scripts/bench-sites/zola/." "$base/zola-site/"
    sed -i 's/^build_search_index = false/build_search_index = true/' "$base/zola-site/config.toml"
    sites="zola=$base/zola-site,kertomus"; zola="$base/corpus-$n/zola"
  fi
  python3 ../shared/bench/gen_corpus.py "$n" "$base/corpus-$n" --sites "$sites" >/dev/null
  measure "N=$n" "$base/corpus-$n/kertomus" "$base/corpus-$n/kertomus/content/osio-001/sivu-00001.md" "$zola"
  rm -rf "$base/corpus-$n" "$base"/out*
done
python3 scripts/gen_national.py "$base/national" >/dev/null
measure "national site" "$base/national" "$(find "$base/national/content" -name '*.md' | sort | head -n 1)"
rm -rf "$base"
