// The command lines of run and attach, and the options every command shares.
#include "cli/Options.h"
#include "RunError.h"
#include "UsageErrorOf.h"

#include <gtest/gtest.h>

using namespace inxpect;

TEST(RunLiveOptions, RunWithEveryOption) {
  Command c = parseCommandLine({"run", "x.o", "--dev", "eth0", "--xdp-mode=generic", "--prog",
                                "xdp_a", "--duration", "2.5", "--interval", "0.25", "--format",
                                "csv", "--output", "p.csv", "--per-cpu", "--prometheus",
                                "127.0.0.1:9435", "--sections", "a,b", "--no-curses"});
  ASSERT_EQ(c.kind, Command::Kind::Run);
  EXPECT_EQ(c.run.object, "x.o");
  EXPECT_EQ(c.run.device, "eth0");
  EXPECT_EQ(c.run.xdpMode, XdpMode::Generic);
  EXPECT_EQ(c.run.prog.value_or(""), "xdp_a");
  EXPECT_DOUBLE_EQ(c.run.durationSeconds.value_or(0), 2.5);
  EXPECT_DOUBLE_EQ(c.run.intervalSeconds, 0.25);
  EXPECT_EQ(c.run.format, OutputFormat::Csv);
  EXPECT_EQ(c.run.output.value_or(""), "p.csv");
  EXPECT_TRUE(c.run.perCpu);
  EXPECT_EQ(c.run.prometheus.value_or(""), "127.0.0.1:9435");
  EXPECT_EQ(c.run.sections, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(c.run.xdpMode, XdpMode::Generic);
  EXPECT_TRUE(c.run.noCurses);
  EXPECT_FALSE(parseCommandLine({"run", "x.o", "--dev", "eth0"}).run.noCurses);
  EXPECT_TRUE(parseCommandLine({"attach", "--prog-id", "1", "--no-curses"}).attach.noCurses);
  EXPECT_EQ(parseCommandLine({"run", "x.o", "--dev", "eth0"}).run.xdpMode, XdpMode::Native);
}

TEST(RunLiveOptions, AttachTakesExactlyOneWayToNameTheProgram) {
  Command c = parseCommandLine({"attach", "--prog-id", "42"});
  ASSERT_EQ(c.kind, Command::Kind::Attach);
  EXPECT_EQ(c.attach.progId.value_or(0), 42u);
  EXPECT_EQ(parseCommandLine({"attach", "--prog-name", "xdp_parser"}).attach.progName.value_or(""),
            "xdp_parser");
  EXPECT_EQ(parseCommandLine({"attach", "--pinned", "/sys/fs/bpf/p"}).attach.pinned.value_or(""),
            "/sys/fs/bpf/p");
  EXPECT_NE(usageError({"attach"}).find("attach needs a program"), std::string::npos);
  EXPECT_NE(usageError({"attach", "--prog-id", "1", "--prog-name", "x"}).find("only one of"),
            std::string::npos);
  EXPECT_NE(usageError({"attach", "x.o"}).find("takes no object file"), std::string::npos);
  EXPECT_NE(usageError({"attach", "--prog-id", "0"}).find("between 1 and"), std::string::npos);
}

TEST(RunLiveOptions, EventsAndSamplingPerEvent) {
  Command c = parseCommandLine({"attach", "--prog-id", "1", "--events", "cycles,instructions",
                                "--sample", "cycles=16,instructions=64"});
  auto r = c.attach.eventRequests();
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].name, "cycles");
  EXPECT_EQ(r[0].sampleEvery, 16u);
  EXPECT_EQ(r[1].name, "instructions");
  EXPECT_EQ(r[1].sampleEvery, 64u);
  // A rate for all events, and the default event when none is named.
  r = parseCommandLine({"attach", "--prog-id", "1", "--events", "clock", "--sample", "8"})
          .attach.eventRequests();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].sampleEvery, 8u);
  r = parseCommandLine({"attach", "--prog-id", "1"}).attach.eventRequests();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].name, "");
  // --sample E=N alone asks for E.
  r = parseCommandLine({"attach", "--prog-id", "1", "--sample", "clock=4"}).attach.eventRequests();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].name, "clock");
  EXPECT_EQ(r[0].sampleEvery, 4u);
  EXPECT_NE(usageError({"attach", "--prog-id", "1", "--events", "clock", "--sample", "cycles=2"})
                .find("add it to --events"),
            std::string::npos);
  EXPECT_NE(usageError({"attach", "--prog-id", "1", "--sample", "cycles=0"}).find("between 1 and"),
            std::string::npos);
}

TEST(RunLiveOptions, EachEventAndRateOnce) {
  EXPECT_NE(usageError({"attach", "--prog-id", "1", "--events", "clock,clock"}).find("twice"),
            std::string::npos);
  EXPECT_NE(usageError({"attach", "--prog-id", "1", "--sample", "cycles=16,cycles=4"})
                .find("two rates"),
            std::string::npos);
  EXPECT_NE(usageError({"attach", "--prog-id", "1", "--sample", "cycles=16,64"})
                .find("EVENT=N,EVENT=N"),
            std::string::npos);
  EXPECT_NE(usageError({"attach", "--prog-id", "1", "--sample", "=16"}).find("EVENT=N"),
            std::string::npos);
  EXPECT_NE(usageError({"attach", "--prog-id", "1", "--sample", "cycles="}).find("whole number"),
            std::string::npos);
  // One rate for all, another for one event.
  auto r = parseCommandLine({"attach", "--prog-id", "1", "--events", "cycles,instructions",
                             "--sample", "8", "--sample", "instructions=64"})
               .attach.eventRequests();
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].sampleEvery, 8u);
  EXPECT_EQ(r[1].sampleEvery, 64u);
}

TEST(RunLiveOptions, SectionsFromTheCommandLineOrAFile) {
  Command c = parseCommandLine({"attach", "--prog-id", "1", "--sections-file", "/tmp/s"});
  EXPECT_EQ(c.attach.sectionsFile.value_or(""), "/tmp/s");
  EXPECT_NE(usageError({"attach", "--prog-id", "1", "--sections", "a", "--sections-file", "f"})
                .find("give one"),
            std::string::npos);
}

TEST(RunLiveOptions, EventsListIsACommandOfItsOwn) {
  EXPECT_EQ(parseCommandLine({"attach", "--events", "list"}).kind, Command::Kind::ListEvents);
  EXPECT_EQ(parseCommandLine({"run", "--events"}).kind, Command::Kind::ListEvents);
  EXPECT_EQ(parseCommandLine({"replay", "--events"}).kind, Command::Kind::ListEvents);
}

TEST(RunLiveOptions, BadValuesSayWhatIsExpected) {
  EXPECT_NE(usageError({"run", "x.o", "--dev", "e", "--duration", "0"}).find("greater than 0"),
            std::string::npos);
  EXPECT_NE(usageError({"run", "x.o", "--dev", "e", "--interval", "soon"}).find("\"soon\""),
            std::string::npos);
  EXPECT_NE(usageError({"run", "x.o", "--dev", "e", "--prometheus", "localhost"}).find("ADDR:PORT"),
            std::string::npos);
  EXPECT_NE(usageError({"run", "x.o", "--dev", "e", "--prometheus", "127.0.0.1:70000"})
                .find("between 1 and 65535"),
            std::string::npos);
  EXPECT_NE(usageError({"run", "x.o", "--dev", "e", "--xdp-mode", "hw"}).find("native or generic"),
            std::string::npos);
  EXPECT_NE(usageError({"run", "x.o", "--dev", "e", "--per-cpu=yes"}).find("takes no value"),
            std::string::npos);
  EXPECT_NE(usageError({"run", "--dev", "e"}).find("needs an instrumented object"), std::string::npos);
}

TEST(RunLiveOptions, EveryCommandHasHelpWithExamples) {
  for (const char *cmd : {"run", "attach"}) {
    Command c = parseCommandLine({cmd, "--help"});
    EXPECT_EQ(c.kind, Command::Kind::Help);
    EXPECT_NE(c.helpText.find("Examples:"), std::string::npos) << cmd;
    EXPECT_NE(c.helpText.find("--prometheus"), std::string::npos) << cmd;
    EXPECT_EQ(parseCommandLine({"help", cmd}).helpText, c.helpText);
  }
  EXPECT_NE(mainHelp().find("attach"), std::string::npos);
}

TEST(RunLiveOptions, VersionIsACommandAndAnOption) {
  EXPECT_EQ(parseCommandLine({"--version"}).kind, Command::Kind::Version);
  EXPECT_EQ(parseCommandLine({"version"}).kind, Command::Kind::Version);
  EXPECT_NE(mainHelp().find("inxpect-run --version"), std::string::npos);
}
