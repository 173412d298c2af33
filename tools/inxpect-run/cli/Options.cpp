// The command line's entry points: pick the command from the table, parse its
// options with the table, and print help from the same table.
#include "cli/Options.h"

#include <algorithm>

#include "cli/CommandLineDocs.h"
#include "cli/CommandTable.h"
#include "RunError.h"

namespace inxpect {

namespace tool {
const char *const summary = "runs an instrumented XDP program and reports each section's cost";
const char *const objectNote =
    "OBJ is a BPF object compiled from the output of inxpect-instrument, e.g.:";
const std::vector<const char *> objectExample{
    "inxpect-instrument --per-function xdp.c",
    "clang-19 -target bpf -O2 -g -I runtime/bpf -c xdp.inxpect.c -o xdp.o",
    "sudo inxpect-run replay xdp.o --synthetic 10000", "sudo inxpect-run run xdp.o --dev eth0"};
const std::vector<const char *> helpWords{"--help", "-h", "help"};
const std::vector<const char *> versionWords{"--version", "version"};
} // namespace tool

namespace {

bool isOneOf(const std::string &arg, const std::vector<const char *> &words) {
  return std::find(words.begin(), words.end(), arg) != words.end();
}

bool isHelp(const std::string &arg) { return isOneOf(arg, tool::helpWords); }

// Usage, what it does, options by group, examples.
std::string commandHelp(const CommandSpec &command) {
  std::string out = wrapText(std::string("inxpect-run ") + command.name + ": " + command.title,
                             0, false);
  out += std::string("\nUsage:\n  inxpect-run ") + command.usage + "\n";
  for (const char *paragraph : command.description)
    out += "\n" + wrapText(paragraph, 0, false);
  out += "\n" + formatOptions(command.groups);
  out += "\nExamples:\n";
  for (const char *example : command.examples)
    out += std::string("  ") + example + "\n";
  return out;
}

std::string helpFor(const std::string &name) {
  const CommandSpec *command = findCommand(name);
  return command ? commandHelp(*command) : mainHelp();
}

UsageError unknownCommand(const std::string &name) {
  std::vector<std::string> names;
  for (const CommandSpec &command : commandTable())
    names.push_back(command.name);
  if (auto near = closestName(name, names))
    return UsageError("unknown command \"" + name + "\" (did you mean " + *near + "?)");
  std::string list;
  for (std::size_t i = 0; i < names.size(); ++i)
    list += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return UsageError("unknown command \"" + name + "\": the commands are " + list +
                    " (see inxpect-run --help)");
}

} // namespace

std::string mainHelp() {
  std::string out = std::string("inxpect-run: ") + tool::summary + ".\n\nUsage:\n";
  for (const CommandSpec &command : commandTable())
    out += std::string("  inxpect-run ") + command.usage + "\n";
  out += "  inxpect-run COMMAND --help\n  inxpect-run --version\n\nCommands:\n";
  for (const CommandSpec &command : commandTable()) {
    std::string name = std::string("  ") + command.name;
    out += name + std::string(11 - name.size(), ' ') + wrapText(command.summary, 11, true);
  }
  out += std::string("\n") + tool::objectNote + "\n";
  for (const char *line : tool::objectExample)
    out += std::string("  ") + line + "\n";
  return out;
}

std::string replayHelp() { return helpFor("replay"); }
std::string runHelp() { return helpFor("run"); }
std::string attachHelp() { return helpFor("attach"); }

Command parseCommandLine(const std::vector<std::string> &args) {
  Command c;
  if (args.empty())
    throw UsageError("no command given: try inxpect-run replay OBJ --synthetic 1000, "
                     "or inxpect-run --help");
  if (isOneOf(args[0], tool::versionWords)) {
    c.kind = Command::Kind::Version;
    return c;
  }
  // Hidden: the build makes the man page and the completion with them.
  if (args[0] == "--help-man" || args[0] == "--bash-completion") {
    c.helpText = args[0] == "--help-man" ? runManPage() : runBashCompletion();
    return c;
  }
  if (isHelp(args[0])) {
    c.helpText = helpFor(args.size() > 1 ? args[1] : "");
    return c;
  }
  const CommandSpec *command = findCommand(args[0]);
  if (!command)
    throw unknownCommand(args[0]);
  for (std::size_t i = 1; i < args.size(); ++i)
    if (args[i][0] == '-' && isHelp(args[i])) { // --help, -h
      c.helpText = commandHelp(*command);
      return c;
    }
  c.kind = command->kind;
  CommonOptions &options = command->options(c);
  std::vector<std::string> positional =
      parseOptions(args, command->groups, options, seeHelp(*command));
  if (options.listEvents) {
    c.kind = Command::Kind::ListEvents;
    return c;
  }
  command->check(c, positional);
  options.check();
  return c;
}

} // namespace inxpect
