// What inxpect-instrument says about itself beyond its options: the prose of
// --help (after LLVM's option list) and of the man page, written once here.
#pragma once

#include <string>
#include <vector>

namespace inxpect {

// A term and what it means (an annotation, a mode); no term: a paragraph.
struct HelpLine {
  const char *term;
  const char *text;
};

struct HelpTopic {
  const char *heading; // nullptr: the tool's description
  std::vector<HelpLine> lines;
};

struct HelpExample {
  const char *command;
  const char *note; // nullptr: the command says it
};

namespace instrumentHelp {
extern const char *const summary; // the NAME line, --help's OVERVIEW
extern const char *const positional; // the arguments after the options, in usages
extern const std::vector<HelpTopic> topics;
extern const std::vector<HelpExample> examples;
} // namespace instrumentHelp

// The topics and examples as --help prints them after the options.
std::string instrumentHelpEpilogue();

} // namespace inxpect
