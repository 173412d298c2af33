#!/usr/bin/env bash
# cli.completion: the bash completions the build wrote bind to the tools and
# complete every command and option their --help lists, and the values of an
# option that has few.
#   completion.sh BIN_DIR DOCS_DIR
set -euo pipefail
BIN=$1 docs=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/help_lists.sh"
fail() { echo "cli.completion: FAIL: $*" >&2; exit 1; }

for tool in inxpect-instrument inxpect-run; do
  script=$docs/completions/$tool
  cmp -s "$script" <("$BIN/$tool" --bash-completion) || fail "$script is not what $tool --bash-completion writes now"
  bound=$(bash -c 'source "$1" && complete -p "$2"' _ "$script" "$tool") || fail "sourcing $script binds nothing to $tool"
  [[ $bound == "complete -o default -F _"*" $tool" ]] || fail "$tool is bound as: $bound"
done

# complete TOOL WORD...: what TAB offers for the last WORD (its function called
# as bash calls it, with COMP_WORDS and COMP_CWORD), one a line, sorted.
complete_line() {
  local tool=$1
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"
           function=$(complete -p "$1" | awk "{ print \$(NF - 1) }")
           $function; printf "%s\n" "${COMPREPLY[@]}"' _ "$docs/completions/$tool" "$@" | sed '/^$/d' | sort
}
expect() { # expect "WANTED..." TOOL WORD...
  local wanted=$1; shift
  local got; got=$(complete_line "$@" | tr '\n' ' ' | sed 's/ $//')
  [ "$got" = "$wanted" ] || fail "'$*<TAB>' offers '$got', not '$wanted'"
}

expect "replay" inxpect-run re
expect "--synthetic" inxpect-run replay --syn
expect "csv folded json table" inxpect-run replay --format ""
expect "csv folded json table" inxpect-run attach --prog-id 3 --format = ""
expect "json" inxpect-run run x.o --format j
expect "generic native" inxpect-run run x.o --xdp-mode ""
expect "" inxpect-run replay --pcap ""           # a file: bash's own completion
expect "--prog-id --prog-name" inxpect-run attach --prog   # run's --prog is not attach's
expect "--per-function --per-loop" inxpect-instrument --per-
expect "" inxpect-instrument x.c -- -I             # the compiler's flags: not ours
expect "" inxpect-instrument -o ""

commands=$(run_commands)
for command in $commands; do
  complete_line inxpect-run "${command:0:2}" | grep -qx "$command" || fail "inxpect-run ${command:0:2}<TAB> does not offer $command"
  complete_line inxpect-run help "" | grep -qx "$command" || fail "inxpect-run help <TAB> does not offer $command"
  offered=$(complete_line inxpect-run "$command" --)
  for option in $(run_options "$command" described); do
    grep -qx -- "$option" <<< "$offered" || fail "inxpect-run $command --<TAB> does not offer $option"
  done
done
offered=$(complete_line inxpect-instrument -)
for option in $(instrument_options); do
  grep -qx -- "$option" <<< "$offered" || fail "inxpect-instrument -<TAB> does not offer $option"
done
echo "cli.completion: PASS"
