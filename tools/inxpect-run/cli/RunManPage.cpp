// inxpect-run(1), from the command table: a command's page section and every
// option's entry come from the entries --help prints, so a command or an
// option added to the table is documented with no edit here.
#include <algorithm>
#include <cstring>

#include "ManPage.h"
#include "TextWrap.h"
#include "Version.h"
#include "cli/CommandLineDocs.h"
#include "cli/CommandTable.h"
#include "cli/GuestCompare.h"
#include "counters/KernelModule.h"
#include "profile/SessionLock.h"

namespace inxpect {

namespace {

ManBlock commandBlock(const CommandSpec &command) {
  ManBlock b;
  b.subsection = command.name;
  b.usages.push_back(command.usage);
  b.paragraphs.push_back(asSentence(command.title));
  for (const char *paragraph : command.description)
    b.paragraphs.push_back(paragraph);
  for (const OptionGroup *group : command.groups) {
    std::vector<std::string> names;
    for (const OptionSpec *spec : group->options)
      names.push_back(spec->name);
    b.paragraphs.push_back(std::string(group->title) + ": " + joined(names, ", ") + ".");
  }
  return b;
}

// Each option once, in the order the commands first list it, with the
// commands that take it (a command that only names it to refuse it does not).
ManBlock optionsBlock() {
  std::vector<const OptionSpec *> order;
  std::vector<std::vector<std::string>> takenBy;
  for (const CommandSpec &command : commandTable())
    for (const OptionGroup *group : command.groups)
      for (const OptionSpec *spec : group->options) {
        auto at = std::find(order.begin(), order.end(), spec) - order.begin();
        if (at == static_cast<long>(order.size())) {
          order.push_back(spec);
          takenBy.emplace_back();
        }
        std::vector<std::string> &commands = takenBy[at];
        if (!group->namesOnly &&
            std::find(commands.begin(), commands.end(), command.name) == commands.end())
          commands.push_back(command.name);
      }
  ManBlock b;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const OptionSpec &spec = *order[i];
    // "table (default...)": a value as typed keeps its case.
    std::string help = spec.help;
    bool startsWithValue = std::any_of(spec.values.begin(), spec.values.end(), [&](const char *v) {
      return help.compare(0, std::strlen(v), v) == 0;
    });
    help = startsWithValue ? help + "." : asSentence(help);
    b.entries.push_back({spec.name, spec.metavar ? spec.metavar : "",
                         help + " Taken by " + joined(takenBy[i], ", ") + "."});
  }
  b.entries.push_back({tool::helpWords[0], "",
                       "Print a command's usage, options and examples (after the command, or as "
                       "help COMMAND), or the list of commands. Also -h."});
  b.entries.push_back({tool::versionWords[0], "",
                       "Print inxpect's version and the libbpf it was built and runs with."});
  return b;
}

ManBlock exitStatusBlock() {
  ManBlock b;
  b.entries = {{"0", "", "The command did what it was asked."},
               {"1", "", "It failed; the message on standard error says why and what to do."},
               {"2", "", "The command line cannot run (an unknown option, a value it does not "
                         "take, options that exclude each other)."}};
  for (const CommandSpec &command : commandTable())
    for (const ExitStatus &status : command.exitStatuses)
      b.entries.push_back({std::to_string(status.code), "",
                           std::string(command.name) + ": " + asSentence(status.meaning)});
  return b;
}

ManBlock filesBlock() {
  ManBlock b;
  b.entries = {
      {KernelModule::kControlDir, "",
       "The inxpect kernel module's control directory: its events and their state. Without "
       "the module, sections are timed with the clock (bpf_ktime_get_ns)."},
      {KernelModule::kDevice, "", "Where the module's counters are armed while a session runs."},
      {SessionLock::kDefaultDirectory, "",
       "One lock file a profiled program (prog-ID.lock, holding the session's pid), so that "
       "two sessions never profile one program."},
      {"/sys/fs/bpf", "", "Where run pins the maps an object pins by name, as its own loader "
                          "would; replay pins nothing."}};
  return b;
}

ManBlock examplesBlock(const CommandSpec &command) {
  ManBlock b;
  b.paragraphs.push_back(asSentence(command.summary));
  for (const char *example : command.examples)
    b.commands.push_back(example);
  return b;
}

} // namespace

std::string runManPage() {
  ManPage page;
  page.name = "inxpect-run";
  page.summary = tool::summary;
  page.source = "inxpect " + inxpectVersionNumber();
  for (const CommandSpec &command : commandTable())
    page.synopsis.push_back(command.usage);
  page.synopsis.push_back("COMMAND --help");
  page.synopsis.push_back("--version");

  ManBlock description;
  description.paragraphs = {
      "inxpect-run " + std::string(tool::summary) +
          ": how often each section of a program instrumented by inxpect-instrument ran and "
          "what it cost, in time or in hardware events, with the probes' own cost taken out.",
      tool::objectNote};
  description.commands.assign(tool::objectExample.begin(), tool::objectExample.end());
  page.sections.push_back({"DESCRIPTION", {description}});

  ManSection commands{"COMMANDS", {}};
  for (const CommandSpec &command : commandTable())
    commands.blocks.push_back(commandBlock(command));
  page.sections.push_back(commands);
  page.sections.push_back({"OPTIONS", {optionsBlock()}});
  page.sections.push_back({"EXIT STATUS", {exitStatusBlock()}});

  ManBlock environment;
  environment.entries.push_back(
      {SessionLock::kDirectoryVariable, "",
       std::string("The directory of the session locks, instead of ") +
           SessionLock::kDefaultDirectory + "."});
  environment.entries.push_back(
      {kGuestDriverVariable, "",
       "compare --deterministic's guest driver, instead of the installed "
       "PREFIX/share/inxpect/guest/guest_driver.sh (or, for a program run from its build "
       "tree, the source tree's bench/guest_driver.sh)."});
  environment.entries.push_back(
      {kVmCacheVariable, "",
       "Where compare --deterministic keeps Debian's kernel image for its guest, instead of "
       "$XDG_CACHE_HOME/inxpect/vm-cache (~/.cache/inxpect/vm-cache)."});
  environment.entries.push_back(
      {kGuestTimeoutVariable, "",
       "The seconds compare --deterministic's guest may take, instead of 600 (it runs about "
       "2,000 packets a second)."});
  page.sections.push_back({"ENVIRONMENT", {environment}});
  page.sections.push_back({"FILES", {filesBlock()}});

  ManSection examples{"EXAMPLES", {}};
  for (const CommandSpec &command : commandTable())
    examples.blocks.push_back(examplesBlock(command));
  page.sections.push_back(examples);

  ManBlock seeAlso;
  seeAlso.paragraphs = {"inxpect-instrument(1), bpftool-prog(8), xdp-loader(8), ip-link(8).",
                        "docs/running.md and docs/kernel-module.md in inxpect's sources."};
  page.sections.push_back({"SEE ALSO", {seeAlso}});
  return renderTroff(page, manPageDate());
}

} // namespace inxpect
