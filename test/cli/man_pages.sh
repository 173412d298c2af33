#!/usr/bin/env bash
# cli.man_pages: the man pages the build wrote read like a real tool's (the
# usual sections, no warning from groff -ww, man -l shows them) and name every
# command and option the tools' --help lists.
#   man_pages.sh BIN_DIR DOCS_DIR
set -euo pipefail
BIN=$1 docs=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/help_lists.sh"
fail() { echo "cli.man_pages: FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT

render() { # the page as man shows it, plain text
  MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings=w -l "$1" 2> "$tmp/man.err" | col -b
}

for tool in inxpect-instrument inxpect-run; do
  page=$docs/man1/$tool.1
  [ -s "$page" ] || fail "no $page"
  cmp -s "$page" <(zcat "$page.gz") || fail "$page.gz is not $page compressed"
  # The same but for the date (.TH), which is the last commit's at build time.
  cmp -s <(grep -v '^\.TH ' "$page") <("$BIN/$tool" --help-man | grep -v '^\.TH ') ||
    fail "$page is not what $tool --help-man writes now"
  warnings=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$page" 2>&1)
  [ -z "$warnings" ] || fail "groff warns about $tool.1: $warnings"
  render "$page.gz" > "$tmp/$tool.txt"
  [ ! -s "$tmp/man.err" ] || fail "man -l warns about $tool.1: $(cat "$tmp/man.err")"
  sections=(NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO")
  [ $tool = inxpect-run ] && sections+=(COMMANDS)
  for section in "${sections[@]}"; do
    grep -qx "$section" "$tmp/$tool.txt" || fail "$tool(1) has no $section section"
  done
  grep -q "^ *$tool - ..." "$tmp/$tool.txt" || fail "$tool(1)'s NAME line is not 'name - summary'"
  # man shows \- as "-" in a UTF-8 locale (Debian's groff): the options as typed.
  grep -q -- "--version" "$tmp/$tool.txt" || fail "$tool(1) shows no --version as typed"
done

options=$(instrument_options)
[ "$(wc -l <<< "$options")" -ge 9 ] || fail "read too few options from inxpect-instrument --help: $options"
for option in $options; do
  grep -Eq -- "^ *$option( |=|$)" "$tmp/inxpect-instrument.txt" ||
    fail "inxpect-instrument(1) has no entry for $option"
done

commands=$(run_commands)
[ "$(wc -l <<< "$commands")" -ge 3 ] || fail "read too few commands from inxpect-run --help: $commands"
for command in $commands; do
  grep -q "^   $command$" "$tmp/inxpect-run.txt" || fail "inxpect-run(1) has no subsection for $command"
  grep -q "^ *inxpect-run $command " "$tmp/inxpect-run.txt" || fail "inxpect-run(1) has no usage of $command"
  for option in $(run_options "$command"); do
    grep -Eq -- "^ *$option( |$)" "$tmp/inxpect-run.txt" || fail "inxpect-run(1) has no entry for $option ($command)"
  done
done
echo "cli.man_pages: PASS ($(wc -w <<< "$commands") commands, $(wc -w <<< "$options") instrument options)"
