# Gazette: `make annotate` and `make test` work on a machine with only the Swift toolchain.
SWIFT ?= swift
APT_PACKAGES := libicu-dev libxml2-dev pkg-config zlib1g-dev libsqlite3-dev libbrotli-dev tidy chromium
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" -ne 0 ] && echo sudo)
ANNOTATE_INPUTS ?= Corpora/en Corpora/nl
OUT ?= out
# The shared corpora (Reuters-21578) live beside the repository.
SHARED ?= ../shared

EVAL_GOLD ?= Corpora/gold
# Thresholds for `make eval`, e.g. EVAL_MIN_F1="--min-f1 overall=0.9 --min-f1 relations.leader_of=0.8".
EVAL_MIN_F1 ?=

.PHONY: all deps build release annotate test test-unit validate eval clean help bench bench-cleaning bench-index bench-matching test-spark test-sanitizers test-asan test-tsan bench-batch fuzz test-browser bench-serve
.PHONY: install uninstall test-install

all: build

help:
	@echo "make annotate   install what is missing, build (release), annotate $(ANNOTATE_INPUTS) into $(OUT)/annotated.jsonl"
	@echo "make test       install what is missing, run every test (test-unit, test-spark, test-sanitizers, test-browser)"
	@echo "make test-browser  headless Chromium through gazette serve and a gazette render page; screenshots in $(OUT)/screenshots"
	@echo "make test-unit  the unit and integration tests and the gold quality gate only (a few minutes)"
	@echo "make eval       check the gold in $(EVAL_GOLD), annotate its texts with this build and score them"
	@echo "make bench-index  time indexing 10 000 annotated documents and filtered searches; appends to benchmarks/RESULTS.md"
	@echo "make bench-serve  page latency of gazette serve over Corpora/ + Reuters; appends to benchmarks/RESULTS.md"
	@echo "make deps       install the Debian packages Gazette links against (only when missing)"
	@echo "make install    install bin/gazette, share/gazette/{Gazetteers,Schemas} and man1/gazette.1 under PREFIX ($(PREFIX)), DESTDIR for packagers"
	@echo "make uninstall  remove what make install put under PREFIX"
	@echo "make test-install  install into a temporary PREFIX, run it from / on the seed article, compare with make annotate"
	@echo "make bench      run the benchmarks and append their tables to benchmarks/RESULTS.md"
	@echo "make bench-cleaning  Gazette's cleaning vs trafilatura on the nine external sets, one core each"
	@echo "make test-spark run a local[2] Spark job over Corpora/ + Reuters and compare with a single-process run"
	@echo "make bench-batch measure the batch run (-j1, -j2, peak RSS) and append to benchmarks/RESULTS.md"
	@echo "make fuzz       libFuzzer + ASan on every parser, FUZZ_SECONDS (60) each or FUZZ_RUNS executions (see FUZZING.md)"
	@echo "make test-sanitizers  the tests under AddressSanitizer, the pipeline tests under ThreadSanitizer"

# Installs the C libraries' development packages only when one is missing.
deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make: installing$$missing"; \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product gazette

annotate: release
	@mkdir -p $(OUT)
	.build/release/gazette annotate $(ANNOTATE_INPUTS) --output $(OUT)/annotated.jsonl --rejects $(OUT)/rejects.jsonl
	.build/release/gazette validate --schema Schemas/gazette.article-1.schema.json $(OUT)/annotated.jsonl
	@echo "make: wrote $(OUT)/annotated.jsonl ($$(wc -l < $(OUT)/annotated.jsonl) lines)"

eval: release
	.build/release/gazette eval --check $(EVAL_GOLD)
	.build/release/gazette eval --run --gold $(EVAL_GOLD) $(EVAL_MIN_F1)

# The quality gate: the gold corpus must pass its checks and today's build must score at least
# the figures in Corpora/gold/thresholds.txt (the GoldGateTests suite checks the same).
GATE := $(shell grep -v '^\#' $(EVAL_GOLD)/thresholds.txt | grep . | sed 's/^/--min-f1 /')

# Every test: the unit and integration suites with the gold quality gate, the Spark job, and the
# suites again under AddressSanitizer and ThreadSanitizer.
test: test-unit test-install test-spark test-sanitizers test-browser

test-unit: deps
	$(SWIFT) build --build-tests
	.build/debug/gazette eval --check $(EVAL_GOLD)
	.build/debug/gazette eval --run --gold $(EVAL_GOLD) $(GATE) > $(or $(TMPDIR),/tmp)/gazette-gate.txt || \
	  { cat $(or $(TMPDIR),/tmp)/gazette-gate.txt; exit 1; }
	@grep -E '^  (ok|FAIL) ' $(or $(TMPDIR),/tmp)/gazette-gate.txt
	$(SWIFT) test --skip-build

# The browser views: headless Chromium (over the DevTools protocol, Python standard library only) goes
# search -> facet -> article -> entity on `gazette serve`, checks the DOM, opens the `gazette render` page and
# saves screenshots in $(OUT)/screenshots/ (Tests/browser/browser_test.py).
test-browser: deps
	$(SWIFT) build --product gazette
	python3 Tests/browser/browser_test.py --gazette .build/debug/gazette --screenshots $(OUT)/screenshots

# Fuzzing: every parser under libFuzzer and AddressSanitizer, one target after another (Fuzz/run.sh, FUZZING.md).
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?= 0
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS=$(FUZZ_RUNS) SWIFT=$(SWIFT) Fuzz/run.sh

# The tests under sanitizers, each in its own scratch path so the normal build is untouched. Leaks inside the
# toolchain's Foundation and XCTest are suppressed (Tests/Sanitizers/lsan-suppressions.txt says which).
# ThreadSanitizer runs every suite (Swift Testing runs them concurrently over the shared, once-loaded gazetteer);
# TSAN_FILTER='GazettePipelineTests|GazetteRobustnessTests' restricts it to the pipeline if it ever gets slow.
TSAN_FILTER ?=
test-sanitizers: test-asan test-tsan

test-asan: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/lsan-suppressions.txt \
	  $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan

# Reports go to files under .build-tsan/reports (the test runner's and those of the gazette processes the tests
# start), printed after the run, so that the last lines of a failed run show the races, not only their count.
TSAN_REPORTS := .build-tsan/reports
test-tsan: deps
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	rm -rf $(TSAN_REPORTS) && mkdir -p $(TSAN_REPORTS)
	TSAN_OPTIONS="log_path=$(CURDIR)/$(TSAN_REPORTS)/report $$TSAN_OPTIONS" \
	  $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan $(if $(TSAN_FILTER),--filter '$(TSAN_FILTER)'); \
	  status=$$?; for report in $(TSAN_REPORTS)/report*; do \
	    [ -f "$$report" ] && { echo "== ThreadSanitizer report $$report"; cat "$$report"; status=1; }; \
	  done; exit $$status

# The cleaning benchmark: trafilatura in a git-ignored virtualenv, pinned versions.
BENCH_VENV := benchmarks/.venv
BENCH_REPEAT ?= 10
BENCH_REQUIREMENTS := benchmarks/cleaning/requirements.txt

$(BENCH_VENV)/.installed: $(BENCH_REQUIREMENTS)
	python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet --disable-pip-version-check -r $(BENCH_REQUIREMENTS)
	touch $@

# Each benchmark appends its run to benchmarks/RESULTS.md; this then keeps only its newest run and the one before.
PRUNE_RESULTS := python3 benchmarks/prune_results.py benchmarks/RESULTS.md

CLEANING_SETS ?= $(SHARED)/dev/cleaning
bench-cleaning: release $(BENCH_VENV)/.installed
	python3 benchmarks/cleaning/run_sets.py --gazette .build/release/gazette --python $(BENCH_VENV)/bin/python --data $(CLEANING_SETS)
	$(PRUNE_RESULTS)


# Indexing and search speed on one core (taskset), from the annotated corpus; appends to benchmarks/RESULTS.md.
TASKSET := $(shell command -v taskset >/dev/null 2>&1 && echo taskset -c 0)
bench-index: annotate
	$(SWIFT) build -c release --product IndexBenchmark
	$(TASKSET) .build/release/IndexBenchmark --seed $(OUT)/annotated.jsonl --documents 10000 \
	  --db benchmarks/work/index-bench.sqlite --results benchmarks/RESULTS.md --command "make bench-index"
	$(PRUNE_RESULTS)

# Page latency of `gazette serve` over Corpora/ plus Reuters-21578 (search, facet, article, entity pages); appends
# to benchmarks/RESULTS.md. Needs the shared corpora beside the repository (SHARED).
bench-serve: release
	python3 benchmarks/serve/run.py --gazette .build/release/gazette \
	  --inputs $(ANNOTATE_INPUTS) $(SHARED)/corpora/reuters21578/reuters21578.jsonl \
	  --work benchmarks/work/serve --results benchmarks/RESULTS.md --command "make bench-serve"
	$(PRUNE_RESULTS)

# Segmentation + matching beside spaCy, flashtext and pyahocorasick (same texts, same forms).
MATCHING_TEXTS ?= ../shared/corpora/reuters21578/reuters21578.jsonl
BENCH_MATCHING_REQUIREMENTS := benchmarks/matching/requirements.txt

$(BENCH_VENV)/.matching-installed: $(BENCH_MATCHING_REQUIREMENTS)
	[ -x $(BENCH_VENV)/bin/python ] || python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet --disable-pip-version-check -r $(BENCH_MATCHING_REQUIREMENTS)
	touch $@

bench-matching: deps $(BENCH_VENV)/.matching-installed
	$(SWIFT) build -c release --product gazette-bench
	python3 benchmarks/matching/run.py --texts $(MATCHING_TEXTS) --python $(BENCH_VENV)/bin/python
	$(PRUNE_RESULTS)



# Spark: pyspark into .venv-spark/ (first time only), then a local[2] job piping JSONL partitions through the
# binary as installed (the layout of the README's recipe): no --gazetteers, run from /.
SPARK_PREFIX := $(CURDIR)/.build/spark-install
test-spark: release
	$(MAKE) --no-print-directory install PREFIX=$(SPARK_PREFIX) DESTDIR=
	SHARED=$(SHARED) BINARY=$(SPARK_PREFIX)/bin/gazette Tests/spark/run.sh

# Install: the release binary, the gazetteers it finds by default (PREFIX/share/gazette/Gazetteers, beside
# PREFIX/bin), the output schemas and a man page made from the binary's help. DESTDIR stages a package.
PREFIX ?= /usr/local
DESTDIR ?=
INSTALL_ROOT = $(DESTDIR)$(PREFIX)
install: release
	install -d $(INSTALL_ROOT)/bin $(INSTALL_ROOT)/share/gazette/Gazetteers $(INSTALL_ROOT)/share/gazette/Schemas \
	  $(INSTALL_ROOT)/share/man/man1
	install -m 755 .build/release/gazette $(INSTALL_ROOT)/bin/gazette
	install -m 644 Gazetteers/*.tsv Gazetteers/README.md $(INSTALL_ROOT)/share/gazette/Gazetteers/
	install -m 644 Schemas/*.json $(INSTALL_ROOT)/share/gazette/Schemas/
	scripts/make-manpage.sh .build/release/gazette > $(INSTALL_ROOT)/share/man/man1/gazette.1
	@echo "make: installed $(INSTALL_ROOT)/bin/gazette (gazetteers in $(INSTALL_ROOT)/share/gazette/Gazetteers)"

uninstall:
	rm -f $(INSTALL_ROOT)/bin/gazette $(INSTALL_ROOT)/share/man/man1/gazette.1
	rm -rf $(INSTALL_ROOT)/share/gazette

# Installs into a temporary PREFIX (and a DESTDIR), runs the installed binary from / on the seed article and
# checks its line equals the one `make annotate` wrote (Tests/install/run.sh), then uninstalls.
test-install: annotate
	OUT=$(OUT) Tests/install/run.sh

# Batch benchmark: Reuters JSONL and XML with 1 and 2 workers, JSONL end to end on one core beside spaCy on the
# same texts, and a 1,000,000-document synthetic stream's peak RSS.
bench-batch: release $(BENCH_VENV)/.matching-installed
	$(SWIFT) build -c release --product gazette-bench
	SHARED=$(SHARED) PEER_PYTHON=$(BENCH_VENV)/bin/python BENCH=.build/release/gazette-bench \
	  BASELINE_BINARY=$(BASELINE_BINARY) benchmarks/batch/run.sh
	$(PRUNE_RESULTS)

bench: bench-cleaning bench-index bench-serve bench-matching bench-batch

clean:
	rm -rf .build $(OUT)
