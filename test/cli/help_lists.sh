# Sourced by man_pages.sh and completion.sh: what the tools' --help lists,
# read from --help itself, so that the checks do not share the generators' code.
#   BIN: the directory of the built tools.

# inxpect-run's commands: the "Commands:" list of its --help.
run_commands() {
  "$BIN/inxpect-run" --help | awk '/^Commands:/ { on = 1; next } on && /^$/ { exit }
                                   on && /^  [a-z]/ { print $1 }'
}

# The options inxpect-run COMMAND --help lists; with "described", only those
# it describes (not those it names in one line, to refuse them).
run_options() {
  "$BIN/inxpect-run" "$1" --help | awk -v described="${2:-}" '
    /^  --[a-z-]+( [^ ]+)?  +[^ ]/ { print $1; next }   # "  --name METAVAR   what it does"
    /^  --[a-z]/ && !described { gsub(/,/, ""); for (i = 1; i <= NF; i++) print $i }' | sort -u
}

# inxpect-instrument's options: those its --help lists as "  --name ... - what".
instrument_options() {
  "$BIN/inxpect-instrument" --help | sed -n 's/^  \(--*[a-z][a-z-]*\)[= ].* - .*/\1/p' | sort -u
}
