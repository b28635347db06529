"""Annotate JSONL partitions with Spark by piping each partition through `gazette annotate -`,
and check that the result is the single-process run's.

Usage: spark_job.py GAZETTE_BINARY GAZETTEERS_DIR CORPORA_DIR REUTERS.jsonl WORKDIR [PARTITIONS]

GAZETTEERS_DIR may be empty: the binary then finds its gazetteers itself, as an installed binary
(`make install`) does from PREFIX/share/gazette; the partition processes run from `/` to show that
the working directory does not matter.

The input is the articles of CORPORA_DIR (each file one JSONL record: "text" for .txt, "html" for
.html) followed by the Reuters-21578 JSONL records, written to WORKDIR/input.jsonl.

The recipe (docs/BATCH.md) is `mapPartitions(annotate_partition)`: each partition's JSONL records go
to one `gazette annotate - --input-format jsonl` process on standard input; its standard output
(one gazette.article/1 line per document, flushed per document) comes back as the partition's
result, and its rejects (gazette.reject/1) come back too, tagged, so that every record is
accounted for.

Lines are compared with their `source` locator blanked out: inside Spark every partition is read
from standard input ("-", index = line within the partition), while the single-process run reads
the whole file; every other byte of every line must be equal.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import threading

SOURCE = re.compile(rb'"source":\{"path":"(?:[^"\\]|\\.)*","format":"[^"]*","index":\d+\}')
AS_OF = "2025-09-04"


def gazetteer_options(gazetteers):
    """`--gazetteers DIR`, or nothing when the binary is to find its installed gazetteers."""
    return ["--gazetteers", gazetteers] if gazetteers else []


def annotate_partition(binary, gazetteers):
    """A mapPartitions function: records (JSONL strings) in, ("article"|"reject", line) out."""

    def run(records):
        with tempfile.NamedTemporaryFile(suffix=".rejects.jsonl", delete=False) as handle:
            rejects_path = handle.name
        os.unlink(rejects_path)
        process = subprocess.Popen(
            [binary, "annotate", "-", "--input-format", "jsonl", "--as-of", AS_OF, "-j", "1",
             *gazetteer_options(gazetteers), "--rejects", rejects_path, "--quiet"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd="/")

        def feed():
            try:
                for record in records:
                    process.stdin.write(record.encode("utf-8") + b"\n")
            finally:
                process.stdin.close()

        feeder = threading.Thread(target=feed)
        feeder.start()
        for line in process.stdout:
            yield ("article", line.rstrip(b"\n").decode("utf-8"))
        feeder.join()
        stderr = process.stderr.read().decode("utf-8", "replace")
        status = process.wait()
        if status not in (0, 3):
            raise RuntimeError(f"gazette exited with {status}: {stderr}")
        if os.path.exists(rejects_path):
            with open(rejects_path, encoding="utf-8") as rejects:
                for line in rejects:
                    yield ("reject", line.rstrip("\n"))
            os.unlink(rejects_path)

    return run


def blank_source(line):
    return SOURCE.sub(b'"source":{}', line.encode("utf-8"), count=1)


def build_input(corpora, reuters, path):
    """Writes the corpus articles and the Reuters records as one JSONL file; returns the record count."""
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for root, dirs, files in sorted(os.walk(corpora)):
            dirs.sort()
            for name in sorted(files):
                field = "html" if name.endswith((".html", ".htm")) else "text" if name.endswith(".txt") else None
                if field is None or name.upper().startswith("README"):
                    continue
                with open(os.path.join(root, name), encoding="utf-8") as handle:
                    body = handle.read()
                record = {"id": os.path.relpath(os.path.join(root, name), corpora), field: body}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
        with open(reuters, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    out.write(line if line.endswith("\n") else line + "\n")
                    count += 1
    return count


def main():
    binary, gazetteers, corpora, reuters, workdir = sys.argv[1:6]
    partitions = int(sys.argv[6]) if len(sys.argv) > 6 else 8
    os.makedirs(workdir, exist_ok=True)
    input_path = os.path.join(workdir, "input.jsonl")
    print(f"spark: wrote {build_input(corpora, reuters, input_path)} records to {input_path}", flush=True)
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[2]").appName("gazette-spark-test")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").config("spark.driver.memory", "1g").getOrCreate())
    spark.sparkContext.setLogLevel("WARN")
    with open(input_path, encoding="utf-8") as handle:
        records = [line.rstrip("\n") for line in handle if line.strip()]
    rdd = spark.sparkContext.parallelize(records, partitions)
    print(f"spark: {len(records)} records in {rdd.getNumPartitions()} partitions", flush=True)
    results = rdd.mapPartitions(annotate_partition(binary, gazetteers)).collect()
    spark.stop()

    spark_articles = [line for kind, line in results if kind == "article"]
    spark_rejects = [line for kind, line in results if kind == "reject"]

    # The single-process run over the same records.
    single_out = os.path.join(workdir, "single.jsonl")
    single_rejects = os.path.join(workdir, "single.rejects.jsonl")
    status = subprocess.run(
        [binary, "annotate", input_path, "--input-format", "jsonl", "--as-of", AS_OF, *gazetteer_options(gazetteers),
         "-o", single_out, "--rejects", single_rejects, "--quiet"]).returncode
    if status not in (0, 3):
        sys.exit(f"single-process run failed with {status}")
    with open(single_out, encoding="utf-8") as handle:
        single_articles = [line.rstrip("\n") for line in handle]
    with open(single_rejects, encoding="utf-8") as handle:
        single_rejects_lines = [line.rstrip("\n") for line in handle]

    failures = []
    if len(spark_articles) + len(spark_rejects) != len(records):
        failures.append(f"accounting: {len(records)} records but {len(spark_articles)} articles "
                        f"+ {len(spark_rejects)} rejects")
    spark_set = set(map(blank_source, spark_articles))
    single_set = set(map(blank_source, single_articles))
    if len(spark_set) != len(spark_articles):
        failures.append("Spark produced duplicate article lines")
    if spark_set != single_set:
        failures.append(f"article sets differ: {len(spark_set - single_set)} only in Spark, "
                        f"{len(single_set - spark_set)} only in the single-process run")
    # Rejects of unparseable lines are named after their position ("-#3" in a partition), so compare codes.
    reject_codes = sorted(json.loads(line)["code"] for line in spark_rejects)
    single_reject_codes = sorted(json.loads(line)["code"] for line in single_rejects_lines)
    if reject_codes != single_reject_codes:
        failures.append("reject codes differ")
    print(f"spark: {len(spark_articles)} articles, {len(spark_rejects)} rejects; "
          f"single process: {len(single_articles)} articles, {len(single_rejects_lines)} rejects", flush=True)
    if failures:
        sys.exit("spark test FAILED: " + "; ".join(failures))
    print("spark test passed: the set of output lines equals the single-process run's", flush=True)


if __name__ == "__main__":
    main()
