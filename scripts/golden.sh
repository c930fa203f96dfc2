#!/usr/bin/env bash
# Writes what claimcheck says about every shared input into one folder, so a
# refactor can be shown to change nothing: run it before and after, then
# `diff -r BEFORE AFTER`. Covers: check and extract JSON of the seeds, each dev
# case, the example articles and the real corpus; the dev-set score; `kb check`
# and `kb stats`; `rules`; a generated 1k corpus (seed 7) checked whole and one
# draft of it checked --against an index of the rest.
#
#   scripts/golden.sh OUT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:?usage: scripts/golden.sh OUT_DIR}
SHARED=${SHARED:-../shared}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
cargo build --release --quiet --bin claimcheck --example gen-corpus
BIN=$CARGO_TARGET_DIR/release/claimcheck
GEN=$CARGO_TARGET_DIR/release/examples/gen-corpus
mkdir -p "$OUT"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

run() { # name, claimcheck args...: stdout, stderr and exit status
  local name=$1
  shift
  local rc=0
  "$BIN" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" || rc=$?
  echo "$rc" >"$OUT/$name.rc"
}

run examples.check check examples/articles --format json --fail-on never
run examples.human check examples/articles --fail-on never
run examples.extract extract examples/articles --format json
run examples.sarif check examples/articles --format sarif --fail-on never
run examples.diff check examples/articles --diff
run rules rules
run kb.stats kb stats
run kb.check kb check
if [ -d "$SHARED/corpus/seeds" ]; then
  run seeds.check check "$SHARED/corpus/seeds" --format json --fail-on never
  run seeds.extract extract "$SHARED/corpus/seeds" --format json
  run real.check check "$SHARED/corpus/real" --format json --fail-on never
  run real.extract extract "$SHARED/corpus/real" --format jsonl
  for c in "$SHARED"/eval/dev/cases/*/; do
    run "dev.$(basename "$c").check" check "$c" --format json --fail-on never
  done
  python3 "$SHARED/eval/dev/score.py" --bin "$BIN" | tail -1 >"$OUT/dev.score"
  for p in "$SHARED"/eval/probes/*/; do
    run "probe.$(basename "$p").check" check "$p" --format json --fail-on never
  done
fi
"$GEN" --seed 7 --articles 1000 --out "$TMP/gen" >/dev/null 2>&1
run gen.check check "$TMP/gen" --format json --fail-on never
first=$(find "$TMP/gen" -type f -name "*.txt" | sort | head -1)
mkdir "$TMP/archive"
find "$TMP/gen" -type f -name "*.txt" | sort | tail -n +2 | xargs -I{} cp {} "$TMP/archive/"
"$BIN" index "$TMP/archive" -o "$TMP/gen.idx" 2>/dev/null
cp "$first" "$TMP/draft.txt"
run gen.against-index check "$TMP/draft.txt" --against "$TMP/gen.idx" --format json --fail-on never
run gen.against-files check "$TMP/draft.txt" --against "$TMP/archive" --format json --fail-on never
# Paths of the temporary folder differ run to run.
sed -i "s#$TMP#TMP#g" "$OUT"/gen.* 2>/dev/null || true
echo "golden: $(ls "$OUT" | wc -l) files in $OUT"
