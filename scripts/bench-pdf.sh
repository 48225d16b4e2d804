#!/usr/bin/env bash
# What the documents' PDFs cost: fresh release builds of the example site with and without
# --no-pdf (median of 3, search index left out in both so that the PDFs stand alone), their
# ratio and the PDF stage's own time; then the example site with one generated large document
# (CHAPTERS chapters of text, tables, lists, footnotes and a chart in every fourth; the
# default 28 give about 210 pages): the PDF stage's time, the pages and the file's size. All on /dev/shm.
#
#   CARGO_SESSION_LOCK_HELD=1 flock /tmp/cargo-session.lock scripts/bench-pdf.sh [CHAPTERS]
set -euo pipefail
cd "$(dirname "$0")/.."
chapters="${1:-28}"
base=/dev/shm/kertomus-pdf-bench
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-$PWD/target}/release/kertomus"
rm -rf "$base"; mkdir -p "$base"

# Median wall time and the highest peak RSS (MB) of 3 fresh builds of $1 with the flags $2.
fresh() {
  local walls=() peak=0 log wall kb
  for _ in 1 2 3; do
    rm -rf "$base/out"; log=$(mktemp)
    /usr/bin/time -f "%e %M" "$bin" build -q --no-search $2 --root "$1" --output "$base/out" 2>"$log"
    read -r wall kb < <(tail -n 1 "$log"); rm -f "$log"
    walls+=("$wall"); [ "$kb" -gt "$peak" ] && peak=$kb
  done
  echo "$(printf '%s\n' "${walls[@]}" | sort -g | sed -n 2p) $((peak / 1024))"
}

# The PDF stage's time in one build of $1 (from --timings).
stage() {
  rm -rf "$base/out"
  "$bin" build --no-search --timings --root "$1" --output "$base/out" | awk '/PDF/ { print $(NF-1) }'
}

mkdir -p "$base/example" && cp -r content "$base/example/content"
read -r with with_mb < <(fresh "$base/example" "")
read -r without without_mb < <(fresh "$base/example" "--no-pdf")
pdf_stage=$(stage "$base/example")
awk -v w="$with" -v wm="$with_mb" -v o="$without" -v om="$without_mb" -v s="$pdf_stage" 'BEGIN {
  printf "example site (6 PDFs): with PDFs %.2f s (%d MB), --no-pdf %.2f s (%d MB): %.1fx the time; PDF stage %.2f s\n",
    w, wm, o, om, w / o, s }'

# The large document: the example site's data (indicators for the charts) and one report.
mkdir -p "$base/large" && cp -r content "$base/large/content"
python3 - "$base/large/content/iso-raportti" "$chapters" <<'EOF'
import pathlib, sys
out, chapters = pathlib.Path(sys.argv[1]), int(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
(out / "index.md").write_text("""---
title: "Iso hyvinvointikertomus 2025–2029"
date: 2026-04-14
document:
  type: kertomus
  period: 2025-2029
  status: approved
  approval: {body: "Aluevaltuusto", date: 2026-04-14, section: "§ 12"}
---

Suorituskykymittauksen suuri asiakirja: luvuissa tekstiä, taulukoita, luetteloita,
alaviitteitä ja kaavioita.
""")
words = ("hyvinvointi terveys palvelut asukkaat kunnat järjestöt nuoret ikääntyneet työikäiset "
         "liikunta osallisuus yksinäisyys mielenterveys koulu harrastukset asuminen toimeentulo "
         "yhteistyö seuranta mittari tavoite toimenpide väestö alue").split()
def paragraph(seed):
    ws = [words[(seed * 7 + i * 13) % len(words)] for i in range(90)]
    return " ".join(ws).capitalize() + "."
for c in range(1, chapters + 1):
    parts = [f'---\ntitle: "Luku {c}: {words[c % len(words)].capitalize()}"\nweight: {c}\n---\n']
    for s in range(1, 7):
        parts.append(f"## Osa {c}.{s}\n")
        for p in range(4):
            text = paragraph(c * 100 + s * 10 + p)
            if p == 1:
                text += f"[^n{s}]"
            parts.append(text + "\n")
        parts.append(f"[^n{s}]: Lähde: esimerkkiaineisto {c}.{s}.\n")
        parts.append("".join(f"- {words[(c + s + i) % len(words)]} ja {words[(c * s + i) % len(words)]}\n" for i in range(5)))
    parts.append("| Kunta | 2023 | 2024 | 2025 |\n|---|--:|--:|--:|\n")
    parts.extend(f"| Kunta {r} | {r * 3.5 + c:.1f} | {r * 3.1 + c:.1f} | {r * 2.9 + c:.1f} |\n" for r in range(1, 21))
    if c % 4 == 0:
        parts.append('\n{{ indicator(id="4", regions=["KUNTA:297", "KUNTA:140", "MAAKUNTA:11"]) }}\n')
    (out / f"{c:02d}-luku.md").write_text("\n".join(parts))
EOF
pdf_stage=$(stage "$base/large")
pdf="$base/out/iso-raportti/iso-raportti.pdf"
pages=$(python3 -c "import pikepdf,sys; print(len(pikepdf.open(sys.argv[1]).pages))" "$pdf" 2>/dev/null \
  || pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
kb=$(( $(stat -c %s "$pdf") / 1024 ))
read -r large large_mb < <(fresh "$base/large" "")
read -r large_without large_without_mb < <(fresh "$base/large" "--no-pdf")
awk -v c="$chapters" -v p="$pages" -v kb="$kb" -v s="$pdf_stage" \
    -v w="$large" -v wm="$large_mb" -v o="$large_without" -v om="$large_without_mb" 'BEGIN {
  printf "large document (%d chapters, %d pages, %d kB): PDF stage %.2f s (%.1f ms a page); the site with it %.2f s (%d MB), --no-pdf %.2f s (%d MB)\n",
    c, p, kb, s, s * 1000 / p, w, wm, o, om }'
rm -rf "$base"
