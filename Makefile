# Gazette: `make annotate` and `make test` work on a machine with only the Swift toolchain.
SWIFT ?= swift
APT_PACKAGES := libicu-dev libxml2-dev pkg-config zlib1g-dev libsqlite3-dev
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" -ne 0 ] && echo sudo)
ANNOTATE_INPUTS ?= Corpora/en Corpora/nl
OUT ?= out

.PHONY: all deps build release annotate test validate clean help bench-index

all: build

help:
	@echo "make annotate   install what is missing, build (release), annotate $(ANNOTATE_INPUTS) into $(OUT)/annotated.jsonl"
	@echo "make test       install what is missing, run every test"
	@echo "make bench-index  time indexing 10 000 annotated documents and filtered searches; appends to benchmarks/RESULTS.md"
	@echo "make deps       install the Debian packages Gazette links against (only when missing)"

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

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Indexing and search speed on one core (taskset), from the annotated corpus; appends to benchmarks/RESULTS.md.
TASKSET := $(shell command -v taskset >/dev/null 2>&1 && echo taskset -c 0)
bench-index: annotate
	$(SWIFT) build -c release --product IndexBenchmark
	$(TASKSET) .build/release/IndexBenchmark --seed $(OUT)/annotated.jsonl --documents 10000 \
	  --db benchmarks/work/index-bench.sqlite --results benchmarks/RESULTS.md --command "make bench-index"

clean:
	rm -rf .build $(OUT)
