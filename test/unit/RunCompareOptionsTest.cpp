// inxpect-run compare's command line: what it accepts and every usage error.
#include "cli/GuestCompare.h"
#include "cli/Options.h"
#include "UsageErrorOf.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

using namespace inxpect;

TEST(RunCompareOptions, Defaults) {
  Command c = parseCommandLine({"compare", "a.o", "b.o", "--synthetic", "1000"});
  ASSERT_EQ(c.kind, Command::Kind::Compare);
  EXPECT_EQ(c.compare.object, "a.o");
  EXPECT_EQ(c.compare.objectB, "b.o");
  EXPECT_EQ(c.compare.synthetic.value_or(0), 1000u);
  EXPECT_EQ(c.compare.repeat, 1u);
  EXPECT_EQ(c.compare.rounds, 20u);
  EXPECT_DOUBLE_EQ(c.compare.threshold, 0.05);
  EXPECT_EQ(c.compare.view, CompareFormat::Table);
  EXPECT_FALSE(c.compare.prog);
  EXPECT_FALSE(c.compare.deterministic);
}

// The guest runs the same comparison, at its own paths, its output relayed.
TEST(RunCompareOptions, DeterministicRunsTheSameCommandLineInTheGuest) {
  Command c = parseCommandLine({"compare", "--deterministic", "/x/a.o", "../b.o", "--pcap=t.pcap",
                                "--prog", "xdp_cms", "--repeat", "3", "--rounds", "9",
                                "--threshold", "2.5", "--format", "markdown", "--output", "c.md",
                                "--sections", "update,parse"});
  ASSERT_EQ(c.kind, Command::Kind::Compare);
  EXPECT_TRUE(c.compare.deterministic);
  EXPECT_EQ(guestCompareArguments(c.compare),
            (std::vector<std::string>{"compare", "/objects/a.o", "/objects/b.o", "--pcap",
                                      "/objects/traffic.pcap", "--repeat", "3", "--rounds", "9",
                                      "--threshold", "2.5", "--format", "markdown", "--prog",
                                      "xdp_cms", "--sections", "update,parse"}));
  Command synthetic = parseCommandLine({"compare", "a.o", "b.o", "--synthetic", "500",
                                        "--deterministic", "--threshold", "0"});
  EXPECT_EQ(guestCompareArguments(synthetic.compare),
            (std::vector<std::string>{"compare", "/objects/a.o", "/objects/b.o", "--synthetic",
                                      "500", "--repeat", "1", "--rounds", "20", "--threshold",
                                      "0", "--format", "table"}));
  // The guest is given back the threshold it was given, to the last digit.
  Command odd = parseCommandLine({"compare", "a.o", "b.o", "--synthetic", "5", "--deterministic",
                                  "--threshold", "0.1", "--format", "json"});
  std::vector<std::string> args = guestCompareArguments(odd.compare);
  args.insert(args.begin() + 3, "--deterministic");
  EXPECT_DOUBLE_EQ(parseCommandLine(args).compare.threshold, odd.compare.threshold);
}

TEST(RunCompareOptions, EveryOption) {
  Command c = parseCommandLine({"compare", "--pcap=t.pcap", "a.o", "--prog", "xdp_cms", "b.o",
                                "--repeat", "3", "--rounds", "9", "--threshold", "2.5",
                                "--format", "markdown", "--output", "c.md", "--events", "cycles",
                                "--sample", "4", "--sections", "update,parse"});
  ASSERT_EQ(c.kind, Command::Kind::Compare);
  EXPECT_EQ(c.compare.pcap.value_or(""), "t.pcap");
  EXPECT_EQ(c.compare.prog.value_or(""), "xdp_cms");
  EXPECT_EQ(c.compare.repeat, 3u);
  EXPECT_EQ(c.compare.rounds, 9u);
  EXPECT_DOUBLE_EQ(c.compare.threshold, 0.025);
  EXPECT_EQ(c.compare.view, CompareFormat::Markdown);
  EXPECT_EQ(c.compare.output.value_or(""), "c.md");
  EXPECT_EQ(c.compare.events, std::vector<std::string>{"cycles"});
  EXPECT_EQ(c.compare.sampleEvery, 4u);
  EXPECT_EQ(c.compare.sections, (std::vector<std::string>{"update", "parse"}));
  EXPECT_DOUBLE_EQ(parseCommandLine({"compare", "a.o", "b.o", "--synthetic", "1", "--threshold",
                                     "10%", "--format", "json"})
                       .compare.threshold,
                   0.1);
  EXPECT_DOUBLE_EQ(
      parseCommandLine({"compare", "a.o", "b.o", "--synthetic", "1", "--threshold", "0"})
          .compare.threshold,
      0);
}

TEST(RunCompareOptions, HelpSaysTheIntervalTheVerdictAndTheExitStatus) {
  // As one line: the help wraps its paragraphs.
  std::string help = parseCommandLine({"compare", "--help"}).helpText;
  std::replace(help.begin(), help.end(), '\n', ' ');
  help.erase(std::unique(help.begin(), help.end(),
                         [](char a, char b) { return a == ' ' && b == ' '; }),
             help.end());
  EXPECT_NE(help.find("inxpect-run compare A.o B.o (--pcap FILE | --synthetic N)"),
            std::string::npos) << help;
  EXPECT_NE(help.find("percentile bootstrap"), std::string::npos) << help;
  EXPECT_NE(help.find("The verdict reads the inclusive cost"), std::string::npos) << help;
  EXPECT_NE(help.find("Exit status: 0 when no section is slower beyond the threshold, 3 when "
                      "one is, 1 on errors, 2 on usage errors"),
            std::string::npos) << help;
  EXPECT_NE(parseCommandLine({"--help"}).helpText.find("  compare  "), std::string::npos);
}

TEST(RunCompareOptions, EveryUsageError) {
  auto error = [](std::vector<std::string> extra) {
    std::vector<std::string> args = {"compare"};
    args.insert(args.end(), extra.begin(), extra.end());
    return usageError(args);
  };
  EXPECT_EQ(error({"--synthetic", "10"}),
            "compare needs two instrumented objects, A (the base) and B (the change): "
            "inxpect-run compare A.o B.o (--pcap FILE | --synthetic N)");
  EXPECT_EQ(error({"a.o", "--synthetic", "10"}), error({"--synthetic", "10"}));
  EXPECT_EQ(error({"a.o", "b.o", "c.o", "--synthetic", "10"}),
            "compare takes two objects, got a third: \"c.o\"");
  EXPECT_EQ(error({"a.o", "b.o"}), "compare needs packets: --pcap FILE or --synthetic N (see "
                                   "inxpect-run compare --help)");
  EXPECT_EQ(error({"a.o", "b.o", "--pcap", "t.pcap", "--synthetic", "10"}),
            "--pcap and --synthetic are alternatives: give one packet source");
  EXPECT_EQ(error({"a.o", "b.o", "--synthetic", "10", "--rounds", "1"}),
            "--rounds must be at least 2: the interval comes from how the rounds spread");
  EXPECT_EQ(error({"a.o", "b.o", "--synthetic", "10", "--rounds", "x"}),
            "--rounds expects a positive whole number, got \"x\"");
  EXPECT_EQ(error({"a.o", "b.o", "--synthetic", "10", "--threshold", "-1"}),
            "--threshold expects a percentage between 0 and 1000 (e.g. 5 or 2.5), got \"-1\"");
  EXPECT_EQ(error({"a.o", "b.o", "--synthetic", "10", "--threshold", "five"}),
            "--threshold expects a percentage between 0 and 1000 (e.g. 5 or 2.5), got \"five\"");
  EXPECT_EQ(error({"a.o", "b.o", "--synthetic", "10", "--format", "csv"}),
            "--format expects table, json or markdown, got \"csv\"");
  EXPECT_EQ(error({"a.o", "b.o", "--synthetic", "10", "--events", "cycles,instructions"}),
            "compare measures one event, --events names 2: give one (e.g. --events cycles)");
  EXPECT_EQ(error({"a.o", "b.o", "--synthetic", "0"}),
            "--synthetic must be between 1 and 100000000, got 0");
  EXPECT_EQ(error({"a.o", "b.o", "--synthetic", "10", "--repeat", "0"}),
            "--repeat must be between 1 and 1000000, got 0");
  EXPECT_EQ(error({"a.o", "b.o", "--synthetic", "10", "--manifest", "m.json"}),
            "unknown option --manifest (see inxpect-run compare --help)");
  EXPECT_EQ(error({"a.o", "b.o", "--synthetic", "10", "--treshold", "5"}),
            "unknown option --treshold (did you mean --threshold?)");
  for (std::vector<std::string> option : {std::vector<std::string>{"--events", "cycles"},
                                          {"--sample", "4"},
                                          {"--precise"}}) {
    std::vector<std::string> args = {"a.o", "b.o", "--synthetic", "10", "--deterministic"};
    args.insert(args.end(), option.begin(), option.end());
    EXPECT_EQ(error(args), "--deterministic measures the clock alone (in instructions): drop "
                           "--events, --sample and --precise")
        << option[0];
  }
  EXPECT_EQ(error({"a.o", "b.o", "--synthetic"}),
            "--synthetic needs a value (see inxpect-run compare --help)");
}

// Where --deterministic finds the guest's pieces and keeps Debian's kernel.
TEST(RunCompareOptions, TheGuestDriverIsTheInstalledOneBesideBin) {
  namespace fs = std::filesystem;
  fs::path prefix = fs::path(testing::TempDir()) / "guest-driver-prefix";
  fs::remove_all(prefix);
  fs::create_directories(prefix / "bin");
  std::string self = (prefix / "bin" / "inxpect-run").string();

  // A build tree's program: the source tree's script, the build's vm-cache.
  GuestDriver built = guestDriver(self, "", "", "/home/u/.cache");
  EXPECT_EQ(fs::path(built.script).filename(), "guest_driver.sh") << built.script;
  EXPECT_EQ(fs::path(built.script).parent_path().filename(), "bench") << built.script;
  EXPECT_EQ(fs::path(built.vmCache).filename(), "vm-cache") << built.vmCache;
  EXPECT_EQ(built.vmCache.find("/home/u"), std::string::npos) << built.vmCache;

  fs::create_directories(prefix / "share" / "inxpect" / "guest");
  std::ofstream(prefix / "share" / "inxpect" / "guest" / "guest_driver.sh") << "#!/bin/sh\n";
  GuestDriver installed = guestDriver(self, "", "", "/home/u/.cache");
  EXPECT_EQ(installed.script, (prefix / "share" / "inxpect" / "guest" / "guest_driver.sh").string());
  EXPECT_EQ(installed.vmCache, "/home/u/.cache/inxpect/vm-cache");
  EXPECT_EQ(guestDriver(self, "", "", "").vmCache, "/var/cache/inxpect/vm-cache");

  GuestDriver chosen = guestDriver(self, "/src/bench/guest_driver.sh", "/tmp/k", "/home/u/.cache");
  EXPECT_EQ(chosen.script, "/src/bench/guest_driver.sh");
  EXPECT_EQ(chosen.vmCache, "/tmp/k");
  fs::remove_all(prefix);
}
