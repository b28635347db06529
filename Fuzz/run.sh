#!/usr/bin/env bash
# `make fuzz`: builds every libFuzzer target (release, -sanitize=fuzzer,address) into .build-fuzz, assembles the
# seed corpora from Corpora/ into .build-fuzz/corpus, and runs the targets one after another.
#
#   FUZZ_SECONDS  seconds per target (default 60)
#   FUZZ_RUNS     stop a target after this many executions instead (e.g. 1000000); 0 = by time only
#   FUZZ_TARGETS  which targets (default: all)
#   FUZZ_MAX_LEN  longest input libFuzzer generates (default 2048)
#
# A crash, leak, timeout or sanitizer report stops with a non-zero status; libFuzzer leaves the input as
# .build-fuzz/artifacts/<target>/crash-… (turn it into a test under Tests/GazetteRobustnessTests/Regressions/).
# A summary table (executions, seconds, exec/s, corpus) is written to .build-fuzz/summary.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
RUNS=${FUZZ_RUNS:-0}
MAX_LEN=${FUZZ_MAX_LEN:-2048}
TARGETS=${FUZZ_TARGETS:-"FuzzHTML FuzzFeed FuzzSGML FuzzWARC FuzzJSONL FuzzAnnotate FuzzNewsML FuzzDate"}
SCRATCH=.build-fuzz

for target in $TARGETS; do
  echo "fuzz: building $target"
  GAZETTE_FUZZ=1 "$SWIFT" build -c release --scratch-path "$SCRATCH" --product "$target" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xcc -fsanitize=fuzzer-no-link,address \
    2>&1 | grep -v "Cannot export local symbol" | grep -E "error|warning: unre|Compiling|Build" | tail -3
done

python3 Fuzz/make-seeds.py "$SCRATCH/seeds" >/dev/null
summary="$SCRATCH/summary.md"
{
  echo "| target | executions | seconds | exec/s | corpus (files) | corpus (bytes) | coverage (edges) | result |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
} > "$summary"
status=0
for target in $TARGETS; do
  corpus="$SCRATCH/corpus/$target"
  artifacts="$SCRATCH/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  log="$SCRATCH/logs/$target.log"
  mkdir -p "$(dirname "$log")"
  limit=(-max_total_time="$SECONDS_PER_TARGET")
  [ "$RUNS" != "0" ] && limit=(-runs="$RUNS")
  echo "fuzz: $target (${limit[*]}, -max_len=$MAX_LEN)"
  start=$(date +%s)
  set +e
  "$SCRATCH/release/$target" "${limit[@]}" -max_len="$MAX_LEN" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$corpus" "$SCRATCH/seeds/$target" > "$log" 2>&1
  code=$?
  set -e
  elapsed=$(( $(date +%s) - start ))
  executions=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' || true)
  rate=$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}' || true)
  coverage=$(grep -Eo 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}' || true)
  files=$(find "$corpus" -type f | wc -l)
  bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}')
  result=ok
  if [ $code -ne 0 ]; then
    result="FAILED (exit $code, see $log)"
    status=1
    grep -E 'ERROR|SUMMARY|Fatal error|artifact' "$log" | head -5 || true
  fi
  echo "| $target | ${executions:-?} | $elapsed | ${rate:-?} | $files | $bytes | ${coverage:-?} | $result |" >> "$summary"
  echo "fuzz: $target: ${executions:-?} executions in ${elapsed}s, corpus $files files, $result"
done
cat "$summary"
exit $status
