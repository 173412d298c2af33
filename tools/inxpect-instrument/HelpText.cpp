#include "HelpText.h"

#include "TextWrap.h"

namespace inxpect {

namespace {
const std::size_t kWidth = 76;
const std::size_t kTermColumn = 23;
} // namespace

namespace instrumentHelp {

const char *const summary = "puts profiling probes into an XDP/BPF C source";
const char *const positional = "SOURCE... [-- CLANG_ARGS...]";

const std::vector<HelpTopic> topics{
    {nullptr,
     {{nullptr, "Rewrites SOURCE so that each section is measured by inxpect-run: a probe is "
                "inserted at the start of each section and ends it on every way out (returns, "
                "gotos, breaks, a bpf_tail_call). Every original line keeps its line number, "
                "and the output compiles as the input did."}}},
    {"Sections",
     {{"--per-function", "every function defined in SOURCE, named after it"},
      {"--per-loop", "every for/while/do loop, named <function>.<for|while|do>@<line>"},
      {nullptr, "Functions and loops in the program's own headers (under SOURCE's directory) "
                "are sections too, named after their file: parse.h:parse_eth. Each changed "
                "header is written beside the output as parse.inxpect.h, and the rewritten "
                "files #include it instead: compile the output with the same flags."},
      {"// inxpect:region NAME", "the next statement (a block, a loop, one statement)"},
      {"// inxpect:begin NAME ... // inxpect:end NAME",
       "the statements between, in one block; names declared there stay visible after it"},
      {"START_TRACE(name) ... END_TRACE(name)",
       "written by hand (with #include \"inxpect.h\"): kept and given an id"},
      {nullptr, "Annotations are always on; block comments work too."}}},
    {nullptr,
     {{nullptr, "Compile flags: the flags a BPF build needs (-target bpf -O2 -g, the multiarch "
                "include directory, the inxpect runtime headers), followed by those after `--`: "
                "a later -target, -O, -D or -U wins, and -I directories are searched before the "
                "multiarch one. Or from compile_commands.json (-p DIR, or found above SOURCE), "
                "as they are. --extra-arg and --extra-arg-before (each repeatable) add a flag "
                "at the end or the start of whichever is used."}}},
};

const std::vector<HelpExample> examples{
    {"inxpect-instrument --per-function xdp.c", "writes xdp.inxpect.c and xdp.inxpect.json"},
    {"inxpect-instrument --per-function --per-loop --functions 'xdp_.*|parse_.*' xdp.c",
     "the programs, the parse_ helpers and every loop become sections"},
    {"inxpect-instrument --per-function xdp.c -o out/xdp.c -- -Iinclude -DWITH_IPV6", nullptr},
    {"inxpect-instrument --per-function --headers 'lib/.*' a.c b.c",
     "each source and the headers under lib/, outputs beside each source"},
    {"clang-19 -target bpf -O2 -g -I runtime/bpf -c xdp.inxpect.c -o xdp.o", nullptr},
    {"inxpect-run replay xdp.o --manifest xdp.inxpect.json --synthetic 10000", nullptr},
};

} // namespace instrumentHelp

std::string instrumentHelpEpilogue() {
  std::string out;
  for (const HelpTopic &topic : instrumentHelp::topics) {
    out += "\n";
    if (topic.heading)
      out += std::string(topic.heading) + ":\n";
    for (const HelpLine &line : topic.lines) {
      if (!line.term) {
        out += wrapText(line.text, 0, false, kWidth);
        continue;
      }
      // The meaning beside its term, or under it when the term is long.
      std::string term = std::string("  ") + line.term;
      out += term.size() + 1 < kTermColumn
                 ? term + std::string(kTermColumn - term.size(), ' ')
                 : term + "\n" + std::string(kTermColumn, ' ');
      out += wrapText(line.text, kTermColumn, true, kWidth);
    }
  }
  out += "\nExamples:\n";
  for (const HelpExample &example : instrumentHelp::examples) {
    out += std::string("  ") + example.command + "\n";
    if (example.note)
      out += wrapText(example.note, 6, false, kWidth);
  }
  return out;
}

} // namespace inxpect
