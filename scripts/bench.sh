#!/usr/bin/env bash
# Whole-command timings of a release build: wall time (hyperfine, median of
# BENCH_RUNS runs; /usr/bin/time when hyperfine cannot be installed) and peak memory
# (/usr/bin/time -v), for the real corpus (when ../shared is there), generated corpora
# of 1k and 10k articles (and 100k with BENCH_100K=1), one short article, --jobs 1
# against --jobs 2, and one draft checked --against an index of an archive. Prints
# the recall of the injected conflicts of the 10k corpus and a Markdown table.
#
#   scripts/bench.sh                 # BENCH_100K=1 BENCH_RUNS=5 for more
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
RUNS=${BENCH_RUNS:-3}
REAL=${BENCH_REAL:-$ROOT/../shared/corpus/real}

need() { # command, Debian package
  command -v "$1" >/dev/null 2>&1 && return 0
  if command -v apt-get >/dev/null 2>&1; then
    (apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y "$2" >/dev/null 2>&1; }) || true
  fi
  command -v "$1" >/dev/null 2>&1
}
need /usr/bin/time time || { echo "bench.sh: /usr/bin/time is needed (Debian package time)" >&2; exit 2; }
HYPERFINE=1
need hyperfine hyperfine || { HYPERFINE=0; echo "bench.sh: no hyperfine, timing with /usr/bin/time" >&2; }

cargo build --release --quiet --bin claimcheck --example gen-corpus --example reference-scan
BIN=$CARGO_TARGET_DIR/release/claimcheck
GEN=$CARGO_TARGET_DIR/release/examples/gen-corpus
REF=$CARGO_TARGET_DIR/release/examples/reference-scan
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

bytes() { # the article files check reads under $1 (or the file $1)
  find "$1" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.markdown' -o -name '*.html' -o -name '*.htm' \) \
    -printf '%s\n' | awk '{s += $1} END {print s + 0}'
}

# wall seconds of a shell command: hyperfine's median, else the fastest of RUNS
wall() {
  if [ "$HYPERFINE" = 1 ]; then
    hyperfine --style none --warmup 1 --runs "$RUNS" -i --export-csv "$TMP/h.csv" "$1" >/dev/null 2>&1
    awk -F, 'NR == 2 {print $4}' "$TMP/h.csv"
  else
    local best=""
    for _ in $(seq "$RUNS"); do
      /usr/bin/time -f %e -o "$TMP/t" bash -c "$1" >/dev/null 2>&1 || true
      best=$(awk -v b="$best" '{print (b == "" || $1 < b) ? $1 : b}' "$TMP/t")
    done
    echo "$best"
  fi
}

# peak resident set size in MB
rss() {
  /usr/bin/time -v -o "$TMP/v" bash -c "$1" >/dev/null 2>&1 || true
  awk -F: '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$TMP/v"
}

# median CPU seconds (user + sys) of a shell command over RUNS runs
cpu() {
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%U %S' -o "$TMP/c" bash -c "$1" >/dev/null 2>&1 || true
    awk '{print $1 + $2}' "$TMP/c"
  done | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'
}

ROWS=()
row() { # label, bytes, cores, command
  local s r
  s=$(wall "$4")
  r=$(rss "$4")
  ROWS+=("$(awk -v l="$1" -v b="$2" -v c="$3" -v s="$s" -v r="$r" 'BEGIN {
    mb = b / 1e6; rate = (s > 0) ? mb / s : 0
    printf "| %s | %.3g | %.3g | %.3g | %.3g | %s |", l, mb, s, rate, rate / c, r }')")
  echo "${ROWS[-1]}" >&2
}

CORES=$(nproc)
CHECK="check --format json --fail-on never"

if [ -d "$REAL" ]; then
  B=$(bytes "$REAL")
  row "real corpus" "$B" "$CORES" "$BIN $CHECK $REAL"
  row "real corpus, --jobs 1" "$B" 1 "$BIN $CHECK --jobs 1 $REAL"
  row "real corpus, --jobs 2" "$B" 2 "$BIN $CHECK --jobs 2 $REAL"
  # The one-pass reference: read the files, one DFA over every knowledge-base name,
  # digit runs (examples/reference-scan.rs); its build is left out, as a prebuilt
  # knowledge base would have it.
  REF_S=$(for _ in $(seq "$RUNS"); do "$REF" "$REAL" | awk '/^build/ {print $5 + $8}'; done |
    sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
  CHECK_S=$(cpu "$BIN $CHECK --jobs 1 $REAL")
  RATIO=$(awk -v c="$CHECK_S" -v r="$REF_S" 'BEGIN {printf "%.1f", c / r}')
  echo "reference scan of the real corpus: $REF_S s (read + scan, one core); check --jobs 1: $CHECK_S s CPU; ratio ${RATIO}x" >&2
else
  echo "bench.sh: $REAL is absent, skipping the real corpus" >&2
fi

SIZES="1000 10000"
[ "${BENCH_100K:-0}" = 1 ] && SIZES="$SIZES 100000"
for n in $SIZES; do
  "$GEN" --articles "$n" --seed 7 --out "$TMP/gen$n" 2>/dev/null
  B=$(bytes "$TMP/gen$n")
  row "generated, $n articles" "$B" "$CORES" "$BIN $CHECK $TMP/gen$n"
  if [ "$n" = 10000 ]; then
    [ -d "$REAL" ] || {
      row "generated 10k, --jobs 1" "$B" 1 "$BIN $CHECK --jobs 1 $TMP/gen$n"
      row "generated 10k, --jobs 2" "$B" 2 "$BIN $CHECK --jobs 2 $TMP/gen$n"
    }
    $BIN $CHECK "$TMP/gen$n" > "$TMP/findings.json" || true
    echo "recall on $n generated articles:" >&2
    "$GEN" --score "$TMP/gen$n/gold.json" "$TMP/findings.json" >&2
  fi
done

ONE=$ROOT/examples/articles/lithium-week.txt
row "one short article" "$(bytes "$ONE")" 1 "$BIN check --fail-on never $ONE"

# A draft against an index of the biggest archive made above.
ARCHIVE=$TMP/gen10000
[ -d "$TMP/gen100000" ] && ARCHIVE=$TMP/gen100000
$BIN index "$ARCHIVE" -o "$TMP/archive.claims" >/dev/null 2>&1
"$GEN" --articles 1 --seed 99 --out "$TMP/draft" 2>/dev/null
DRAFT=$TMP/draft/d000/a000000.txt
row "one draft --against index of $(basename "$ARCHIVE")" "$(bytes "$DRAFT")" 1 \
  "$BIN check --fail-on never $DRAFT --against $TMP/archive.claims"

echo
echo "Machine: $(nproc) cores, $(awk -F: '/model name/ {gsub(/^ +/, "", $2); print $2; exit}' /proc/cpuinfo), load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%d)"
echo
echo "| input | size MB | wall s | MB/s | MB/s per core | peak RSS MB |"
echo "| --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${ROWS[@]}"
if [ -n "${RATIO:-}" ]; then
  echo
  echo "CPU of check --jobs 1 on the real corpus against the one-pass reference scan: $CHECK_S s / $REF_S s = ${RATIO}x"
fi
