#!/usr/bin/env bash
# benchmarks/identity/compare.sh BASE_BINARY NEW_BINARY [WORK_DIR]
#
# For refactors and speed work that must not change results: annotates the same inputs with two builds of
# gazette and compares every output byte for byte. Inputs: the Reuters-21578 corpus as JSONL (plain, with
# --tokens --kb-relations, and as es-bulk) and as its XML files, the seed article, Corpora/ (articles and
# cleaning pages), the gold corpus's input, and, when present, the external dev sets under $SHARED/dev
# (relations, quotes, NER documents, the format fixtures). Both builds use this checkout's Gazetteers/.
# Prints one line per output ("same" or "DIFF") and exits 1 when any output differs.
set -uo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 2 ] || { echo "usage: $0 BASE_BINARY NEW_BINARY [WORK_DIR]" >&2; exit 64; }
BASE=$1 NEW=$2 WORK=${3:-benchmarks/work/identity}
SHARED=${SHARED:-../shared}
for binary in "$BASE" "$NEW"; do [ -x "$binary" ] || { echo "compare.sh: $binary is not an executable" >&2; exit 64; }; done
rm -rf "$WORK" && mkdir -p "$WORK/base" "$WORK/new"

# annotate NAME ARGS... : one run of each build into $WORK/{base,new}/NAME.jsonl (+ .rejects.jsonl)
annotate() {
  local name=$1 side binary
  shift
  for side in base new; do
    binary=$BASE; [ "$side" = new ] && binary=$NEW
    "$binary" annotate -q --gazetteers Gazetteers -j 1 "$@" -o "$WORK/$side/$name.jsonl" \
      --rejects "$WORK/$side/$name.rejects.jsonl" 2>>"$WORK/$side/stderr.txt"
    case $? in 0|3) ;; *) echo "compare.sh: $side build failed on $name (see $WORK/$side/stderr.txt)" >&2 ;; esac
  done
}

reuters=$SHARED/corpora/reuters21578
if [ -f "$reuters/reuters21578.jsonl" ]; then
  annotate reuters --as-of 2025-09-04 "$reuters/reuters21578.jsonl"
  annotate reuters-tokens --as-of 2025-09-04 --tokens --kb-relations "$reuters/reuters21578.jsonl"
  annotate reuters-es-bulk --as-of 2025-09-04 --format es-bulk "$reuters/reuters21578.jsonl"
fi
[ -d "$reuters/xml" ] && annotate reuters-xml --as-of 2025-09-04 "$reuters/xml"
[ -d "$SHARED/seed" ] && annotate seed "$SHARED"/seed/*
annotate corpora --as-of 2025-09-04 Corpora/en Corpora/nl
annotate cleaning-pages --as-of 2025-09-04 Corpora/cleaning/pages
annotate gold --as-of 2025-09-04 --input-format jsonl Corpora/gold/input.jsonl
dev=$SHARED/dev
[ -f "$dev/relations/redocred/docs_all.jsonl" ] && annotate redocred --input-format jsonl "$dev/relations/redocred/docs_all.jsonl"
[ -f "$dev/quotes/polnear/docs_dev.jsonl" ] && annotate polnear --input-format jsonl "$dev/quotes/polnear/docs_dev.jsonl"
[ -d "$dev/formats" ] && annotate formats --as-of 2025-09-04 "$dev/formats/feeds" "$dev/formats/newsml" "$dev/formats/nitf" "$dev/formats/warc"

status=0
for output in "$WORK"/base/*.jsonl; do
  name=$(basename "$output")
  if cmp -s "$output" "$WORK/new/$name"; then echo "same  $name"; else echo "DIFF  $name"; status=1; fi
done
exit $status
