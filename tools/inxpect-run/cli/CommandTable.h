// The commands as a table (as bpftool's cmds[]): each with its usage, what it
// does, its options by group, its examples and the check of its arguments.
// Parsing and --help both read it.
#pragma once

#include <string>
#include <vector>

#include "cli/OptionTable.h"
#include "cli/Options.h"

namespace inxpect {

// An exit status of a command's own, beyond 0 (done), 1 (failed), 2 (usage).
struct ExitStatus {
  int code;
  const char *meaning;
};

struct CommandSpec {
  const char *name;     // "replay"
  Command::Kind kind;
  const char *usage;    // after "inxpect-run ", e.g. "replay OBJ (--pcap FILE | ...) [options]"
  const char *summary;  // its line in inxpect-run --help
  const char *title;    // the first line of its own --help, after "inxpect-run NAME: "
  std::vector<const char *> description; // what it does, a paragraph each
  std::vector<const OptionGroup *> groups;
  std::vector<const char *> examples;    // command lines
  CommonOptions &(*options)(Command &);  // which of Command's members it fills
  // Checks the positional arguments and the options that go together; runs
  // after every option is read, and not for --events list.
  void (*check)(Command &, const std::vector<std::string> &positional);
  std::vector<ExitStatus> exitStatuses = {}; // in the man page's EXIT STATUS
};

// replay, compare, run, attach, list.
const std::vector<CommandSpec> &commandTable();
const CommandSpec *findCommand(const std::string &name);

// inxpect-run as a whole, for --help and the man page (cli/Options.cpp).
namespace tool {
extern const char *const summary;                     // what it does, in a line
extern const char *const objectNote;                  // what OBJ is ...
extern const std::vector<const char *> objectExample; // ... and how one is made
extern const std::vector<const char *> helpWords;     // in place of a command
extern const std::vector<const char *> versionWords;
} // namespace tool

// " (see inxpect-run NAME --help)": the hint that ends a usage error.
std::string seeHelp(const CommandSpec &command);

// The options every command takes, each described once (cli/CommonOptions.cpp).
namespace common {
extern const OptionSpec manifest, events, sample, precise, sections, sectionsFile, format, raw, interval,
    duration, output, perCpu, prometheus;
extern const OptionGroup eventsAndSampling; // --events, --sample, --precise
extern const OptionGroup liveOutput;        // --format ... --prometheus, for run and attach
} // namespace common

} // namespace inxpect
