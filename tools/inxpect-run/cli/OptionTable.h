// Options as tables: one OptionSpec an option, from which the command line is
// parsed and --help is printed, so the two cannot drift apart (the shape of
// xdp-tools' DEFINE_OPTION tables).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "TextWrap.h"
#include "cli/Options.h"

namespace inxpect {

// Reads an option's value into the options; throws UsageError when the value
// is not one the option takes.
using OptionSetter = std::function<void(CommonOptions &, const std::string &value)>;

struct OptionSpec {
  const char *name;    // "--sample"
  const char *metavar; // "N", shown in --help; nullptr: a flag, it takes no value
  const char *help;    // one paragraph, wrapped by the help formatter
  OptionSetter set;    // a flag's setter is called with ""
  // The value of an option that ends the command line without one (--events
  // alone means --events list); nullptr: there it needs a value.
  const char *valueWhenLast = nullptr;
  // Every value it takes, when they are few (--format): the shell completes
  // them. Empty: any value (completed as a file name).
  std::vector<const char *> values = {};
};

// The options a command shows under one heading in its --help.
struct OptionGroup {
  const char *title;
  std::vector<const OptionSpec *> options;
  bool namesOnly = false; // accepted, but only named in --help (described elsewhere)
};

// A setter for options only `Options` (a command's options struct) has: the
// command table puts it only in that command's groups, so the cast is sound.
template <class Options, class Set> OptionSetter setterOf(Set set) {
  return [set](CommonOptions &o, const std::string &v) { set(static_cast<Options &>(o), v); };
}

// Walks args (the command's name first, then its arguments), applying every
// option of `groups` to `into`; returns the positional arguments. Errors end
// with `seeHelp`, e.g. " (see inxpect-run replay --help)".
std::vector<std::string> parseOptions(const std::vector<std::string> &args,
                                      const std::vector<const OptionGroup *> &groups,
                                      CommonOptions &into, const std::string &seeHelp);

// The groups as --help lists them: a heading each, options aligned.
std::string formatOptions(const std::vector<const OptionGroup *> &groups);

// The name among `names` a typo most likely meant, if any is close to it.
std::optional<std::string> closestName(const std::string &typed,
                                       const std::vector<std::string> &names);

// Values: each throws UsageError naming `option` and saying what it expects.
unsigned long long positiveNumber(const std::string &option, const std::string &text,
                                  unsigned long long max);
double positiveSeconds(const std::string &option, const std::string &text);
std::vector<std::string> splitList(const std::string &text); // "a,b,,c": a, b, c

} // namespace inxpect
