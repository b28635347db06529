#!/usr/bin/env bash
# make test-install: `make install PREFIX=$(mktemp -d)`, then the installed bin/gazette annotates the seed
# article from / (no --gazetteers, no $GAZETTE_GAZETTEERS: it must find PREFIX/share/gazette/Gazetteers
# itself) and its line must equal the one `make annotate` wrote for the article into $OUT/annotated.jsonl,
# byte for byte once the source path (absolute here, relative there) is the same. The same for a staged
# install (DESTDIR), then `make uninstall` must leave no file behind.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
OUT=${OUT:-out}
seed=Corpora/en/coalition-of-the-willing.txt
[ -f "$OUT/annotated.jsonl" ] || { echo "test-install: $OUT/annotated.jsonl is missing: run make annotate first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset GAZETTE_GAZETTEERS

check() { # check BINDIR NAME: run `gazette` found on PATH from /, annotate the seed, compare with make annotate's line
  (cd / && PATH="$1:$PATH" gazette annotate "$repo/$seed" -o "$work/$2.jsonl" --quiet)
  python3 - "$OUT/annotated.jsonl" "$work/$2.jsonl" "$seed" "$repo/$seed" <<'PY'
import json, sys
reference_file, installed_file, relative, absolute = sys.argv[1:5]
marker = '"source":{"path":' + json.dumps(relative) + ','
reference = [line for line in open(reference_file, encoding="utf-8") if marker in line]
installed = open(installed_file, encoding="utf-8").read().splitlines(keepends=True)
if len(reference) != 1 or len(installed) != 1:
    sys.exit(f"test-install: expected one line each, found {len(reference)} in make annotate's output, {len(installed)} installed")
same = installed[0].replace(json.dumps(absolute), json.dumps(relative)) == reference[0]
print(f"test-install: {installed_file}: {len(installed[0])} bytes, {'identical to' if same else 'DIFFERENT from'} make annotate's line")
sys.exit(0 if same else 1)
PY
}

make --no-print-directory install PREFIX="$work/prefix" DESTDIR= >/dev/null
check "$work/prefix/bin" prefix
grep -q '^\.TH GAZETTE 1' "$work/prefix/share/man/man1/gazette.1"
grep -q '^\.SH "GAZETTE ANNOTATE"' "$work/prefix/share/man/man1/gazette.1"
make --no-print-directory install PREFIX=/opt/gazette DESTDIR="$work/stage" >/dev/null
check "$work/stage/opt/gazette/bin" staged
make --no-print-directory uninstall PREFIX="$work/prefix" DESTDIR= >/dev/null
make --no-print-directory uninstall PREFIX=/opt/gazette DESTDIR="$work/stage" >/dev/null
left=$(find "$work/prefix" "$work/stage" -type f | wc -l)
[ "$left" -eq 0 ] || { echo "test-install: make uninstall left $left files" >&2; exit 1; }
echo "test-install passed: the installed binary, run from /, writes make annotate's line; uninstall leaves no file"
