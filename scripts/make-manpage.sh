#!/usr/bin/env bash
# Writes the gazette(1) man page to standard output, made from the binary's own help (so it never drifts
# from the options): NAME, SYNOPSIS, then `gazette --help` and `gazette help SUBCOMMAND` for every subcommand
# as preformatted sections. Used by `make install`.
# Usage: scripts/make-manpage.sh PATH/TO/gazette
set -euo pipefail
binary=${1:?usage: make-manpage.sh PATH/TO/gazette}
version=$("$binary" --version 2>/dev/null || echo unknown)
# Backslashes and lines starting with a dot or quote would be read as roff requests.
escape() { sed -e 's/\\/\\e/g' -e 's/^\([.'"'"']\)/\\\&\1/'; }
echo ".TH GAZETTE 1 \"\" \"gazette $version\" \"User Commands\""
echo ".SH NAME"
echo "gazette \\- turn raw news into annotated JSONL (entities, relations, quotes)"
echo ".SH SYNOPSIS"
echo ".B gazette"
echo "\\fISUBCOMMAND\\fR [\\fIOPTIONS\\fR]"
echo ".SH DESCRIPTION"
echo ".nf"
"$binary" --help | escape
echo ".fi"
for subcommand in $("$binary" --help | awk '/^SUBCOMMANDS:/ {on = 1; next} on && /^  [a-z]/ {print $1}'); do
  echo ".SH \"GAZETTE $(echo "$subcommand" | tr a-z A-Z)\""
  echo ".nf"
  "$binary" help "$subcommand" | escape
  echo ".fi"
done
echo ".SH FILES"
echo "PREFIX/share/gazette/Gazetteers (the gazetteer TSV files found by default), PREFIX/share/gazette/Schemas"
echo "(the JSON Schemas of the output, for gazette validate)."
