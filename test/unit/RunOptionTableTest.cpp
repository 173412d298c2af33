// The option tables: parsing and --help come from one table a command, and a
// mistyped option or command gets the name it most likely meant.
#include <sstream>

#include "cli/CommandTable.h"
#include "cli/Options.h"
#include "UsageErrorOf.h"

#include <gtest/gtest.h>

using namespace inxpect;

TEST(RunOptionTable, ATypoGetsTheOptionItMeant) {
  EXPECT_EQ(usageError({"replay", "x.o", "--synthetic", "5", "--smaple", "4"}),
            "unknown option --smaple (did you mean --sample?)");
  EXPECT_EQ(usageError({"attach", "--prog-nmae", "xdp_parser"}),
            "unknown option --prog-nmae (did you mean --prog-name?)");
  EXPECT_EQ(usageError({"run", "x.o", "--dve", "eth0"}), "unknown option --dve (did you mean --dev?)");
  // One dash, or a value after =, still finds it.
  EXPECT_EQ(usageError({"replay", "x.o", "-synthetic", "5"}),
            "unknown option -synthetic (did you mean --synthetic?)");
  EXPECT_EQ(usageError({"replay", "x.o", "--synthetic", "5", "--formt=json"}),
            "unknown option --formt (did you mean --format?)");
}

TEST(RunOptionTable, NothingCloseNoGuess) {
  EXPECT_EQ(usageError({"replay", "x.o", "--synthetic", "5", "--verbose"}),
            "unknown option --verbose (see inxpect-run replay --help)");
  EXPECT_EQ(usageError({"attach", "--prog-id", "1", "--colour"}),
            "unknown option --colour (see inxpect-run attach --help)");
  // Another command's option is not this command's: no guess at a near one.
  EXPECT_EQ(usageError({"replay", "x.o", "--synthetic", "5", "--dev", "eth0"}),
            "unknown option --dev (see inxpect-run replay --help)");
}

TEST(RunOptionTable, ATypoInTheCommandGetsTheCommandItMeant) {
  EXPECT_EQ(usageError({"replya", "x.o"}), "unknown command \"replya\" (did you mean replay?)");
  EXPECT_NE(usageError({"profile"}).find("the commands are replay, compare, run, attach and list"),
            std::string::npos);
}

TEST(RunOptionTable, ClosestNameAllowsTwoEditsAtMostAndFewerInShortWords) {
  std::vector<std::string> names{"sample", "sections", "synthetic"};
  EXPECT_EQ(closestName("smaple", names).value_or(""), "sample");
  EXPECT_EQ(closestName("sectons", names).value_or(""), "sections");
  EXPECT_EQ(closestName("syntetic", names).value_or(""), "synthetic");
  EXPECT_FALSE(closestName("sx", names).has_value());
  EXPECT_FALSE(closestName("samurai", names).has_value());
}

TEST(RunOptionTable, EveryOptionOfACommandIsInItsHelp) {
  for (const CommandSpec &command : commandTable()) {
    std::string help = parseCommandLine({command.name, "--help"}).helpText;
    EXPECT_NE(help.find(std::string("inxpect-run ") + command.usage), std::string::npos)
        << command.name;
    for (const OptionGroup *group : command.groups) {
      EXPECT_NE(help.find(std::string(group->title) + ":"), std::string::npos) << group->title;
      for (const OptionSpec *spec : group->options) {
        std::string shown = spec->name;
        if (spec->metavar && !group->namesOnly)
          shown += std::string(" ") + spec->metavar;
        EXPECT_NE(help.find(shown), std::string::npos) << command.name << ": " << shown;
      }
    }
    for (const char *example : command.examples)
      EXPECT_NE(help.find(example), std::string::npos) << example;
  }
}

// The formatter wraps descriptions; command lines stay whole, to be copied.
TEST(RunOptionTable, HelpProseFitsA79ColumnTerminal) {
  std::vector<std::string> helps{mainHelp()};
  for (const CommandSpec &command : commandTable())
    helps.push_back(parseCommandLine({"help", command.name}).helpText);
  for (const std::string &help : helps) {
    std::istringstream lines(help);
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("  inxpect-run ", 0) != 0 && line.rfind("  sudo ", 0) != 0) {
        EXPECT_LE(line.size(), 79u) << line;
      }
    }
  }
  for (const CommandSpec &command : commandTable())
    EXPECT_NE(mainHelp().find(std::string("inxpect-run ") + command.usage), std::string::npos);
}

TEST(RunOptionTable, ValuesAfterEqualsOrAsTheNextArgument) {
  std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> spellings{
      {{"replay", "x.o", "--synthetic=7", "--repeat=2"},
       {"replay", "x.o", "--synthetic", "7", "--repeat", "2"}},
      {{"run", "x.o", "--dev=eth1", "--xdp-mode=skb", "--interval=0.5"},
       {"run", "x.o", "--dev", "eth1", "--xdp-mode", "skb", "--interval", "0.5"}},
      {{"attach", "--prog-name=xdp_a", "--events=clock", "--sample=clock=16"},
       {"attach", "--prog-name", "xdp_a", "--events", "clock", "--sample", "clock=16"}},
  };
  for (const auto &[inlined, separate] : spellings) {
    Command a = parseCommandLine(inlined), b = parseCommandLine(separate);
    ASSERT_EQ(a.kind, b.kind) << inlined[0];
    EXPECT_EQ(a.replay.synthetic, b.replay.synthetic);
    EXPECT_EQ(a.replay.repeat, b.replay.repeat);
    EXPECT_EQ(a.run.device, b.run.device);
    EXPECT_EQ(a.run.xdpMode, b.run.xdpMode);
    EXPECT_EQ(a.run.intervalSeconds, b.run.intervalSeconds);
    EXPECT_EQ(a.attach.progName, b.attach.progName);
    EXPECT_EQ(a.attach.events, b.attach.events);
    EXPECT_EQ(a.attach.sampleByEvent, b.attach.sampleByEvent);
  }
  Command c = parseCommandLine(spellings[2].first);
  EXPECT_EQ(c.attach.sampleByEvent.at("clock"), 16u);
  EXPECT_EQ(parseCommandLine(spellings[1].first).run.xdpMode, XdpMode::Generic);
}

TEST(RunOptionTable, OptionsWithoutAValue) {
  EXPECT_EQ(usageError({"attach", "--prog-id"}),
            "--prog-id needs a value (see inxpect-run attach --help)");
  // --events alone at the end asks what can be measured.
  EXPECT_EQ(parseCommandLine({"attach", "--prog-id", "1", "--events"}).kind,
            Command::Kind::ListEvents);
  EXPECT_TRUE(parseCommandLine({"run", "x.o", "--per-cpu", "--dev", "e"}).run.perCpu);
}
