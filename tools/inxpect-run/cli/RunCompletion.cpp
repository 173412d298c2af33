// inxpect-run's bash completion, from the command table: every command and
// the options its --help lists (not those it only names to refuse), with the
// values of an option that has few.
#include "BashCompletion.h"
#include "cli/CommandLineDocs.h"
#include "cli/CommandTable.h"

namespace inxpect {

namespace {

CompletionOption completionOf(const OptionSpec &spec) {
  return {spec.name, spec.metavar != nullptr, {spec.values.begin(), spec.values.end()}};
}

std::vector<CompletionOption> flags(const std::vector<const char *> &words) {
  std::vector<CompletionOption> options;
  for (const char *word : words)
    if (word[0] == '-')
      options.push_back({word, false, {}});
  return options;
}

} // namespace

std::string runBashCompletion() {
  CompletionSpec spec;
  spec.tool = "inxpect-run";
  spec.options = flags(tool::helpWords);
  for (const CompletionOption &option : flags(tool::versionWords))
    spec.options.push_back(option);
  std::vector<std::string> commandNames;
  for (const CommandSpec &command : commandTable()) {
    CompletionCommand entry{command.name, flags(tool::helpWords), {}};
    for (const OptionGroup *group : command.groups)
      if (!group->namesOnly)
        for (const OptionSpec *spec : group->options)
          entry.options.push_back(completionOf(*spec));
    spec.commands.push_back(entry);
    commandNames.push_back(command.name);
  }
  // The words in place of a command: `help COMMAND`, `version`.
  for (const char *word : tool::helpWords)
    if (word[0] != '-')
      spec.commands.push_back({word, {}, commandNames});
  for (const char *word : tool::versionWords)
    if (word[0] != '-')
      spec.commands.push_back({word, {}, {}});
  return renderBashCompletion(spec);
}

} // namespace inxpect
