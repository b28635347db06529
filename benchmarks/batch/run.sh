#!/usr/bin/env bash
# make bench-batch: end-to-end batch figures of the release binary, appended to benchmarks/RESULTS.md.
#  - the Reuters-21578 JSONL (and its XML files, when this build reads XML) with 1 and 2 workers:
#    docs/s, MB/s, per-stage share of time (from --stats), peak RSS (from /usr/bin/time -v);
#  - the Reuters JSONL end to end on one core (taskset -c 0, -j1) beside spaCy blank + PhraseMatcher doing only
#    tokenisation and matching of the same texts on the same core;
#  - a 1,000,000-document synthetic JSONL stream on standard input: peak RSS.
# Each Reuters configuration runs RUNS (9) times, alternating -j1 and -j2; the median run is reported (a
# shared machine makes single runs noisy: nine give a steadier median than five).
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=${SHARED:-../shared}
REUTERS_DIR=${REUTERS_DIR:-$SHARED/corpora/reuters21578}
GAZETTEERS=${GAZETTEERS:-Gazetteers}
BINARY=${BINARY:-.build/release/gazette}
RUNS=${RUNS:-9}
SYNTHETIC=${SYNTHETIC:-1000000}
WORK=${WORK:-benchmarks/work/batch}
RESULTS=${RESULTS:-benchmarks/RESULTS.md}
# The matching benchmark's virtualenv (spaCy) and tool (gazetteer forms for the peer); without them spaCy is not run.
PEER_PYTHON=${PEER_PYTHON:-benchmarks/.venv/bin/python}
BENCH=${BENCH:-.build/release/gazette-bench}
AS_OF=2025-09-04
# Optional: another build (say, of the commit before a change) timed on one core in the same run, alternating with
# BINARY run by run, so that a refactor's cost is measured against its base on the same machine state.
BASELINE_BINARY=${BASELINE_BINARY:-}

[ -x "$BINARY" ] || { echo "bench-batch: $BINARY is missing: run 'make release'" >&2; exit 1; }
[ -f "$REUTERS_DIR/reuters21578.jsonl" ] || { echo "bench-batch: no Reuters corpus at $REUTERS_DIR (set SHARED=DIR)" >&2; exit 1; }
if [ ! -x /usr/bin/time ]; then apt-get install -y time >/dev/null || { echo "bench-batch: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }; fi
rm -rf "$WORK"
mkdir -p "$WORK"

# How much of the machine's 2 cores a run can get now: CPU % of two 2-second busy loops (200 = both idle).
probe() {
  /usr/bin/time -f "%P" bash -c 'timeout 2 sh -c "while :; do :; done" & timeout 2 sh -c "while :; do :; done"; wait' 2>&1 | tail -n 1
}

# run NAME INPUT... : one timed run; writes $WORK/NAME.stats.json and $WORK/NAME.time
run() {
  local name=$1 jobs=$2
  shift 2
  /usr/bin/time -v -o "$WORK/$name.time" "$BINARY" annotate "$@" --gazetteers "$GAZETTEERS" --as-of "$AS_OF" \
    -j "$jobs" --quiet --stats "$WORK/$name.stats.json" -o "$WORK/$name.jsonl" 2>"$WORK/$name.stderr" || [ $? -eq 3 ]
  # Only the first run's output is compared (-j1 with -j2); the others are removed at once, so that the bench does
  # not leave about 1.5 GB of output for the kernel to write back to disk while the next runs are being timed.
  case "$name" in
    *-1) ;;
    *) rm -f "$WORK/$name.jsonl" "$WORK/$name.rejects.jsonl" ;;
  esac
}

# Outputs of an earlier bench would only add to what the kernel has to write back during this one.
rm -f "$WORK"/*.jsonl "$WORK"/*.jsonl.gz
# The machine may be shared: wait (up to IDLE_WAIT seconds) for the 1-minute load to drop below 1.
IDLE_WAIT=${IDLE_WAIT:-600}
waited=0
while [ "$waited" -lt "$IDLE_WAIT" ] && awk '{ exit !($1 >= 1.0) }' /proc/loadavg; do sleep 10; waited=$((waited + 10)); done
echo "bench-batch: Reuters JSONL, $RUNS runs each of -j1 and -j2" >&2
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
probe_before=$(probe)
for run_number in $(seq 1 "$RUNS"); do
  for jobs in 1 2; do run "jsonl-j$jobs-$run_number" "$jobs" "$REUTERS_DIR/reuters21578.jsonl"; done
done
probe_after=$(probe)
cmp -s "$WORK/jsonl-j1-1.jsonl" "$WORK/jsonl-j2-1.jsonl" && same_bytes=yes || same_bytes=NO

xml_note=""
if [ -d "$REUTERS_DIR/xml" ]; then
  run "xml-probe" 1 "$REUTERS_DIR/xml/reut2-000.xml"
  # A build with the Reuters XML reader splits reut2-000.xml into its 1,000 articles.
  if python3 -c "import json,sys; sys.exit(json.load(open('$WORK/xml-probe.stats.json'))['annotated'] < 100)"; then
    echo "bench-batch: Reuters XML, $RUNS runs each of -j1 and -j2" >&2
    for run_number in $(seq 1 "$RUNS"); do
      for jobs in 1 2; do run "xml-j$jobs-$run_number" "$jobs" "$REUTERS_DIR"/xml/*.xml; done
    done
  else
    xml_note="This build has no Reuters XML reader (reut2-000.xml is not split into its articles), so XML was not measured."
  fi
fi

# End to end on one core (every thread pinned to core 0, one worker), beside spaCy doing only tokenisation and
# matching of the same texts with the same gazetteer forms on the same core (benchmarks/matching/peers.py).
PIN=""
command -v taskset >/dev/null 2>&1 && PIN="taskset -c 0"
echo "bench-batch: Reuters JSONL on one core, $RUNS runs" >&2
# one_core PREFIX BINARY RUN : one pinned end-to-end run of BINARY, figures in $WORK/PREFIX-RUN.{time,stats.json}
one_core() {
  /usr/bin/time -v -o "$WORK/$1-$3.time" $PIN "$2" annotate "$REUTERS_DIR/reuters21578.jsonl" \
    --gazetteers "$GAZETTEERS" --as-of "$AS_OF" -j 1 --quiet --stats "$WORK/$1-$3.stats.json" \
    -o "$WORK/$1.jsonl" 2>"$WORK/$1.stderr" || [ $? -eq 3 ]
  rm -f "$WORK/$1.jsonl" "$WORK/$1.rejects.jsonl"
}
if [ -n "$BASELINE_BINARY" ]; then
  [ -x "$BASELINE_BINARY" ] || { echo "bench-batch: BASELINE_BINARY $BASELINE_BINARY is not an executable" >&2; exit 1; }
  echo "bench-batch: and the baseline $BASELINE_BINARY, alternating" >&2
fi
for run_number in $(seq 1 "$RUNS"); do
  one_core one-core "$BINARY" "$run_number"
  if [ -n "$BASELINE_BINARY" ]; then one_core baseline-one-core "$BASELINE_BINARY" "$run_number"; fi
done
if [ -x "$PEER_PYTHON" ] && [ -x "$BENCH" ]; then
  echo "bench-batch: spaCy on the same texts, one core" >&2
  "$BENCH" export-forms --gazetteers "$GAZETTEERS" --output "$WORK/forms.txt"
  $PIN "$PEER_PYTHON" benchmarks/matching/peers.py --peers spacy --passes 2 --texts "$REUTERS_DIR/reuters21578.jsonl" \
    --forms "$WORK/forms.txt" > "$WORK/spacy.json"
fi

echo "bench-batch: $SYNTHETIC synthetic documents on standard input (-j2)" >&2
python3 benchmarks/batch/synthetic.py "$SYNTHETIC" | /usr/bin/time -v -o "$WORK/synthetic.time" "$BINARY" annotate - \
  --input-format jsonl --gazetteers "$GAZETTEERS" --as-of "$AS_OF" -j 2 --quiet --stats "$WORK/synthetic.stats.json" \
  -o "$WORK/synthetic.jsonl.gz" 2>"$WORK/synthetic.stderr" || [ $? -eq 3 ]
# The same stream at a tenth of the size, to show that memory does not grow with the document count.
python3 benchmarks/batch/synthetic.py $((SYNTHETIC / 10)) | /usr/bin/time -v -o "$WORK/synthetic-small.time" "$BINARY" annotate - \
  --input-format jsonl --gazetteers "$GAZETTEERS" --as-of "$AS_OF" -j 2 --quiet --stats "$WORK/synthetic-small.stats.json" \
  -o "$WORK/synthetic-small.jsonl.gz" 2>"$WORK/synthetic-small.stderr" || [ $? -eq 3 ]
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 benchmarks/batch/report.py "$WORK" "$RUNS" "$same_bytes" "$load_before" "$load_after" "$xml_note" \
  "$probe_before" "$probe_after" \
  "$BINARY" "$GAZETTEERS" "$REUTERS_DIR" "$SYNTHETIC" "$BASELINE_BINARY" >> "$RESULTS"
echo "bench-batch: appended to $RESULTS" >&2
tail -n 40 "$RESULTS"
