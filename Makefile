# Gazette: `make annotate` and `make test` work on a machine with only the Swift toolchain.
SWIFT ?= swift
APT_PACKAGES := libicu-dev libxml2-dev pkg-config zlib1g-dev
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" -ne 0 ] && echo sudo)
ANNOTATE_INPUTS ?= Corpora/en Corpora/nl
OUT ?= out

EVAL_GOLD ?= Corpora/gold
# Thresholds for `make eval`, e.g. EVAL_MIN_F1="--min-f1 overall=0.9 --min-f1 relations.leader_of=0.8".
EVAL_MIN_F1 ?=

.PHONY: all deps build release annotate test validate eval clean help

all: build

help:
	@echo "make annotate   install what is missing, build (release), annotate $(ANNOTATE_INPUTS) into $(OUT)/annotated.jsonl"
	@echo "make test       install what is missing, run every test"
	@echo "make eval       check the gold in $(EVAL_GOLD), annotate its texts with this build and score them"
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

eval: release
	.build/release/gazette eval --check $(EVAL_GOLD)
	.build/release/gazette eval --run --gold $(EVAL_GOLD) $(EVAL_MIN_F1)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build $(OUT)
