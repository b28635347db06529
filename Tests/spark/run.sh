#!/usr/bin/env bash
# make test-spark: annotate Corpora/ + the Reuters-21578 JSONL with a local[2] Spark job that pipes
# JSONL partitions through `gazette annotate -`, and check the output equals the single-process run's.
# The binary is the installed layout (`make test-spark` runs `make install PREFIX=.build/spark-install` first):
# no --gazetteers, the partition processes run from /, and the binary finds PREFIX/share/gazette/Gazetteers.
# Installs pyspark into .venv-spark/ (git-ignored) on first use; needs Java 17+ and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=${SHARED:-../shared}
REUTERS=${REUTERS:-$SHARED/corpora/reuters21578/reuters21578.jsonl}
GAZETTEERS=${GAZETTEERS-}
BINARY=${BINARY:-.build/spark-install/bin/gazette}
VENV=${VENV:-.venv-spark}
PYSPARK_VERSION=${PYSPARK_VERSION:-4.0.1}
PARTITIONS=${PARTITIONS:-8}
WORKDIR=${WORKDIR:-.build/spark-test}

[ -x "$BINARY" ] || { echo "test-spark: $BINARY is missing: run 'make install PREFIX=$PWD/.build/spark-install' first" >&2; exit 1; }
case "$BINARY" in /*) ;; *) BINARY="$PWD/$BINARY" ;; esac
[ -f "$REUTERS" ] || { echo "test-spark: the Reuters corpus is missing at $REUTERS (set SHARED=DIR)" >&2; exit 1; }
command -v java >/dev/null || { echo "test-spark: java is missing (Spark needs Java 17)" >&2; exit 1; }
if ! "$VENV/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "pyspark==$PYSPARK_VERSION"
fi
rm -rf "$WORKDIR"
mkdir -p "$WORKDIR"
export PYSPARK_PYTHON="$PWD/$VENV/bin/python"
"$VENV/bin/python" Tests/spark/spark_job.py "$BINARY" "$GAZETTEERS" Corpora "$REUTERS" "$WORKDIR" "$PARTITIONS"
