#!/usr/bin/env bash
# scripts/fuzz.sh TARGET [SECONDS]: runs one fuzz target of fuzz/ for SECONDS (default 600) with
# libFuzzer, then tells how many of the inputs it ran, and of its corpus, got through to the
# renderer (the site targets keep only inputs that built: each input is one change from a site).
# scripts/fuzz.sh --ci [SECONDS]: what CI runs: every target built (`--dev`, quicker to compile)
# and run for SECONDS (default 20) each; fails on a finding or on a seed that does not build.
#
# Targets (fuzz/fuzz_targets/, over src/fuzzing/):
#   page          a page of the plan fixture site (front matter, Markdown, the site's shortcodes
#                 and links), built twice; with raw HTML denied every link of the site resolves
#   markdown      Markdown alone, fast, in each raw_html mode
#   shortcode     the shortcode parser
#   site_yaml, plan_yaml, values_csv, data_yaml
#                 the plan fixture with that file replaced, built twice
#   search_links  the search record and the output link checker on one HTML file
# The oracles are the targets' own assertions: same input, same output; no input over 3 s; no
# script, handler or script URL let through; no link of the site leading nowhere.
#
# Works on a fresh clone. Needs: cargo install cargo-fuzz --locked. cargo-fuzz wants a nightly
# compiler; the build runs on the stable one with RUSTC_BOOTSTRAP=1, without a sanitizer.
# Made here, not kept in git: the seeds (from the plan fixture, each checked to build against
# it; those that do not are dropped and counted), the dictionaries (keys, ids and enumerated
# names read from the sources and the fixture), fuzz/corpus/TARGET (grows with each run) and
# fuzz/artifacts/TARGET/ (findings, to become regression tests).
set -euo pipefail
cd "$(dirname "$0")/.."
TARGETS=(page markdown shortcode site_yaml plan_yaml values_csv data_yaml search_links)
fixture=tests/fixtures/plan/content

# The fuzz crate builds kertomus with the same dependency versions as the project.
build() { # build [--dev]
  cp Cargo.lock fuzz/Cargo.lock
  (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz build --sanitizer none "$@")
}

binary() { # binary TARGET PROFILE: the path of a built target
  local host
  host=$(rustc -vV | sed -n 's/^host: //p')
  echo "fuzz/target/$host/$2/$1"
}

seed() { # seed TARGET NAME FILE [FIRST-BYTE]: a seed of the file's bytes, after the byte if given
  local out="fuzz/corpus/$1/seed-$2"
  if [ -n "${4:-}" ]; then printf "\\x$4" >"$out"; else : >"$out"; fi
  cat "$3" >>"$out"
}

seeds() { # seeds TARGET: the seeds, from the plan fixture the site targets build
  local t="$1" n=0 f
  mkdir -p "fuzz/corpus/$t"
  rm -f "fuzz/corpus/$t"/seed-*
  case "$t" in
    page)
      # Each of the three pages it may stand for, in each raw_html mode (the first byte: page
      # × 3 + mode), then other pages of the repository in the front page's place.
      local i=0
      for f in index.md suunnitelma/01-luku.md raportti-2026/index.md; do
        for m in 0 1 2; do seed page "$i-$m" "$fixture/$f" "0$((i * 3 + m))"; done
        i=$((i + 1))
      done
      while IFS= read -r f; do
        n=$((n + 1)); seed page "other-$n" "$f" 01
      done < <(find content tests/fixtures -name '*.md' -size -8k | sort)
      ;;
    markdown)
      while IFS= read -r f; do
        n=$((n + 1)); seed markdown "$n-0" "$f" 00; seed markdown "$n-1" "$f" 01
        seed markdown "$n-2" "$f" 02
      done < <(find content tests/fixtures -name '*.md' | sort)
      ;;
    shortcode)
      grep -rhoE '\{\{ *[a-z_]+\(.*\) *\}\}' content tests/fixtures | sort -u | while IFS= read -r l; do
        n=$((n + 1)); printf '%s' "$l" >"fuzz/corpus/$t/seed-$n"
      done
      ;;
    site_yaml) seed "$t" site "$fixture/site.yaml" ;;
    plan_yaml) seed "$t" plan "$fixture/suunnitelma/plan.yaml" ;;
    values_csv) seed "$t" values "$fixture/data/values/4.csv" ;;
    data_yaml)
      i=0
      for f in organisations.yaml indicators.yaml vuosikello.yaml bodies.yaml surveys/kysely.yaml; do
        seed "$t" "$i" "$fixture/data/$f" "0$i"; i=$((i + 1))
      done
      ;;
    search_links)
      # The <main> of representative pages, as the snapshot tests keep them.
      for f in tests/e2e/snapshots/*.snap; do
        n=$((n + 1))
        awk 'BEGIN{d=0} d>=2{print} /^---$/{d++}' "$f" >"fuzz/corpus/$t/seed-$n"
      done
      ;;
    *) echo "unknown target $t (targets: ${TARGETS[*]})" >&2; exit 2 ;;
  esac
}

# check_seeds TARGET BIN: runs each seed once. A seed of the fixture's own files must get
# through (a site target that starts from an invalid file mostly tests error messages); other
# pages (seed-other-*) that do not are dropped; the seeds of the targets that need no site
# (markdown, shortcode, search_links) are only counted.
check_seeds() {
  local t="$1" bin="$2" kept=0 dropped=0 other=0 out f
  out=$(mktemp)
  for f in "fuzz/corpus/$t"/seed-*; do
    : >"$out"
    KERTOMUS_FUZZ_OUTCOMES="$out" "$bin" "$f" >/dev/null 2>&1 || { echo "$f fails" >&2; exit 1; }
    if grep -q '^built' "$out"; then
      kept=$((kept + 1))
    elif [[ "$f" == */seed-other-* ]]; then
      dropped=$((dropped + 1)); rm -f "$f"
    elif [[ " markdown shortcode search_links " == *" $t "* ]]; then
      other=$((other + 1))
    else
      echo "seed $f does not build against the plan fixture" >&2; rm -f "$out"; exit 1
    fi
  done
  rm -f "$out"
  echo "$t: $kept seeds get through, $other do not, $dropped other pages dropped"
}

dict() { # dict TARGET: the dictionary file of a target
  local t="$1" d="fuzz/dict/$t.dict"
  mkdir -p fuzz/dict
  python3 - "$t" "$fixture" >"$d" <<'PY'
import glob, re, sys
target, fixture = sys.argv[1], sys.argv[2]
words = set()
def read(pattern):
    return "".join(open(f, encoding="utf-8").read() for f in sorted(glob.glob(pattern, recursive=True)))
src = read("src/**/*.rs")
data = "".join(read(f"{fixture}/**/*.{e}") for e in ("yaml", "csv", "md"))
# Keys: the fields of the structs YAML is read into; enumerated names in all three languages.
keys = set(re.findall(r"^\s*pub(?:\(crate\))? ([a-z][a-z0-9_]*):", src, re.M))
names = {n for group in re.findall(r"\b(?:en|fi|sv): &\[([^\]]*)\]", src) for n in re.findall(r'"([^"]+)"', group)}
ids = set(re.findall(r"\bid: *\"?([A-Za-z0-9_:.-]+)", data)) | set(re.findall(r"\b(?:KUNTA|MAAKUNTA|HYVINVOINTIALUE|KOKO_MAA|SEUTUKUNTA):[0-9]+", data))
if target in ("site_yaml", "plan_yaml", "data_yaml", "page"):
    words |= {k + ":" for k in keys} | names | ids | {"- ", ": ", "[", "]", "{", "}", "\"", "'", "\n  ", "\n    - "}
if target == "values_csv":
    head = open(f"{fixture}/data/values/4.csv", encoding="utf-8").readline().strip()
    words |= set(head.split(";")) | ids | names | {";", ",", "\n", "total", "male", "female", "2023", "2029", "11,2"}
if target in ("page", "markdown"):
    words |= {"{{ goals(", "{{ indicator(", "{{ survey(", "{{ vuosikello(", ") }}", "{#", "](", "[^1]", "](#",
              "](suunnitelma/index.md)", "](../suunnitelma/)", "](/suunnitelma/01-luku/)", "](01-luku.md#",
              "```", "|---|", "<a href=\"", "<script>", "<img src=\"", " onclick=\"", "javascript:", "---\n",
              "title: ", "date: ", "aliases: ", "document:", "<details>", "<h2 id=\""}
    words |= ids
if target == "shortcode":
    words |= {"goals", "indicator", "survey", "vuosikello", "plan=", "focus_area=", "id=", "\"", "(", ")", "{{", "}}"}
if target == "search_links":
    words |= {"<main id=\"main\">", "</main>", "<h1>", "</h1>", "<a href=\"", "\" id=\"", "src=\"", "srcset=\"",
              "hreflang=\"", "<link rel=\"alternate\" ", "/hyte/", "https://example.fi/hyte/", "#otsikko",
              "kuva.png", "../", "<style>", "</style>", "<details class=\"chart-table\">", "</details>",
              "&amp;", "&lt;", "<!--", "-->", "<script>", "</script>"}
def esc(w):
    return "".join(chr(b) if 32 <= b < 127 and b not in (34, 92) else "\\x%02X" % b for b in w.encode())
for w in sorted(words):
    if 0 < len(w.encode()) <= 64:
        print(f'"{esc(w)}"')
PY
  echo "$d"
}

# run TARGET SECONDS PROFILE: seeds, dictionary, the run, then the share of the corpus that
# gets through.
run() {
  local t="$1" secs="$2" bin out
  bin=$(binary "$t" "$3")
  seeds "$t"
  check_seeds "$t" "$bin"
  mkdir -p "fuzz/artifacts/$t"
  out=$(mktemp)
  KERTOMUS_FUZZ_COUNTS="$out" "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 -dict="$(dict "$t")" -artifact_prefix="fuzz/artifacts/$t/" \
    "fuzz/corpus/$t"
  local got all
  read -r _ got _ all <"$out" || true
  all=$((${got:-0} + ${all:-0}))
  echo "$t: $got of $all inputs run got through ($((100 * got / (all > 0 ? all : 1)))%, counted every thousand)"
  : >"$out"
  KERTOMUS_FUZZ_OUTCOMES="$out" "$bin" -runs=0 -timeout=10 "fuzz/corpus/$t" >/dev/null 2>&1
  got=$(grep -c '^built' "$out" || true); all=$(wc -l <"$out")
  echo "$t: $got of $all inputs of the corpus got through ($((100 * got / (all > 0 ? all : 1)))%)"
  rm -f "$out"
}

case "${1:?usage: scripts/fuzz.sh TARGET [SECONDS] | --ci [SECONDS]}" in
  --ci)
    build --dev
    for t in "${TARGETS[@]}"; do run "$t" "${2:-20}" debug; done
    ;;
  *)
    build
    run "$1" "${2:-600}" release
    ;;
esac
