// inxpect-run's man page and bash completion come from the command table:
// every command and every option a command's --help describes is in both,
// with no list of them anywhere but the table.
#include <cstdlib>
#include <iterator>
#include <set>
#include <sstream>

#include "cli/CommandLineDocs.h"
#include "cli/CommandTable.h"
#include "cli/Options.h"

#include <gtest/gtest.h>

using namespace inxpect;

namespace {

std::string troff(const std::string &text) {
  std::string out;
  for (char c : text)
    out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

// The completion's arm for a command: from "    NAME)" to its ";;".
std::string completionArm(const std::string &script, const std::string &command) {
  std::size_t begin = script.find("\n    " + command + ")\n");
  std::size_t end = script.find(" ;;\n", script.find("words=", begin));
  return begin == std::string::npos ? "" : script.substr(begin, end - begin);
}

// The options an arm offers after a `-`: its options='...' words.
std::set<std::string> offeredOptions(const std::string &arm) {
  std::size_t begin = arm.find("options='") + 9;
  std::istringstream words(arm.substr(begin, arm.find('\'', begin) - begin));
  return {std::istream_iterator<std::string>(words), std::istream_iterator<std::string>()};
}

} // namespace

TEST(RunCommandLineDocs, EveryCommandAndOptionIsInTheManPage) {
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1); // one date for the two pages compared
  std::string page = runManPage();
  EXPECT_NE(page.find("\"2023-11-14\" \"inxpect "), std::string::npos);
  for (const CommandSpec &command : commandTable()) {
    EXPECT_NE(page.find(std::string(".SS ") + command.name + "\n"), std::string::npos)
        << command.name;
    for (const OptionGroup *group : command.groups)
      for (const OptionSpec *spec : group->options)
        EXPECT_NE(page.find(".TP\n\\fB" + troff(spec->name) + "\\fR"), std::string::npos)
            << spec->name;
    for (const char *example : command.examples)
      EXPECT_NE(page.find(troff(example)), std::string::npos) << example;
    for (const ExitStatus &status : command.exitStatuses)
      EXPECT_NE(page.find(".TP\n\\fB" + std::to_string(status.code) + "\\fR"), std::string::npos);
  }
  EXPECT_EQ(parseCommandLine({"--help-man"}).helpText, page);
  unsetenv("SOURCE_DATE_EPOCH");
}

TEST(RunCommandLineDocs, EveryCommandCompletesItsOptionsAndTheirValues) {
  std::string script = runBashCompletion();
  EXPECT_EQ(parseCommandLine({"--bash-completion"}).helpText, script);
  for (const CommandSpec &command : commandTable()) {
    std::string arm = completionArm(script, command.name);
    ASSERT_FALSE(arm.empty()) << command.name;
    for (const OptionGroup *group : command.groups)
      for (const OptionSpec *spec : group->options) {
        // Options a command only names (to refuse them) are not offered.
        EXPECT_EQ(offeredOptions(arm).count(spec->name), group->namesOnly ? 0u : 1u)
            << command.name << " " << spec->name;
        for (const char *value : spec->values)
          EXPECT_NE(arm.find(value), std::string::npos) << spec->name << " " << value;
      }
  }
}

TEST(RunCommandLineDocs, EveryValueCompletionOffersIsAccepted) {
  for (const CommandSpec &command : commandTable())
    for (const OptionGroup *group : command.groups)
      for (const OptionSpec *spec : group->options)
        for (const char *value : spec->values) {
          Command c;
          EXPECT_NO_THROW(spec->set(command.options(c), value)) << spec->name << " " << value;
        }
}
