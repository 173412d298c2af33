#include "counters/CounterSource.h"
#include "cli/Options.h"
#include "RunError.h"
#include "UsageErrorOf.h"

#include <gtest/gtest.h>

using namespace inxpect;

namespace {

Command parse(std::vector<std::string> args) { return parseCommandLine(args); }

} // namespace

TEST(RunOptions, ReplayWithDefaults) {
  Command c = parse({"replay", "xdp.o", "--synthetic", "1000"});
  ASSERT_EQ(c.kind, Command::Kind::Replay);
  EXPECT_EQ(c.replay.object, "xdp.o");
  ASSERT_TRUE(c.replay.synthetic.has_value());
  EXPECT_EQ(*c.replay.synthetic, 1000u);
  EXPECT_FALSE(c.replay.pcap.has_value());
  EXPECT_FALSE(c.replay.manifest.has_value());
  EXPECT_FALSE(c.replay.prog.has_value());
  EXPECT_EQ(c.replay.repeat, 1u);
  EXPECT_EQ(c.replay.sampleEvery, 1u);
  EXPECT_EQ(c.replay.format, OutputFormat::Table);
}

TEST(RunOptions, EveryOptionInBothSpellings) {
  Command c = parse({"replay", "--pcap=t.pcap", "--manifest", "m.json", "--prog=xdp_a", "x.o",
                     "--repeat", "3", "--format=json", "--sample", "16"});
  ASSERT_EQ(c.kind, Command::Kind::Replay);
  EXPECT_EQ(c.replay.object, "x.o");
  EXPECT_EQ(c.replay.pcap.value_or(""), "t.pcap");
  EXPECT_EQ(c.replay.manifest.value_or(""), "m.json");
  EXPECT_EQ(c.replay.prog.value_or(""), "xdp_a");
  EXPECT_EQ(c.replay.repeat, 3u);
  EXPECT_EQ(c.replay.format, OutputFormat::Json);
  EXPECT_EQ(c.replay.sampleEvery, 16u);
}

TEST(RunOptions, HelpTeachesWithAnExample) {
  Command top = parse({"--help"});
  EXPECT_EQ(top.kind, Command::Kind::Help);
  EXPECT_NE(top.helpText.find("replay"), std::string::npos);
  Command replay = parse({"replay", "x.o", "--help"});
  EXPECT_EQ(replay.kind, Command::Kind::Help);
  EXPECT_NE(replay.helpText.find("--synthetic N"), std::string::npos);
  EXPECT_NE(replay.helpText.find("Example"), std::string::npos);
  EXPECT_EQ(parse({"help", "replay"}).helpText, replayHelp());
}

TEST(RunOptions, RejectsMissingPieces) {
  EXPECT_NE(usageError({}).find("no command"), std::string::npos);
  EXPECT_NE(usageError({"replay", "--synthetic", "5"}).find("needs an instrumented object"),
            std::string::npos);
  EXPECT_NE(usageError({"replay", "x.o"}).find("--pcap FILE or --synthetic N"), std::string::npos);
  EXPECT_NE(usageError({"replay", "x.o", "--pcap"}).find("--pcap needs a value"),
            std::string::npos);
}

TEST(RunOptions, RejectsConflictsAndUnknowns) {
  EXPECT_NE(usageError({"replay", "x.o", "--pcap", "a", "--synthetic", "5"}).find("alternatives"),
            std::string::npos);
  EXPECT_NE(usageError({"replay", "x.o", "y.o", "--synthetic", "5"}).find("\"y.o\""),
            std::string::npos);
  EXPECT_NE(usageError({"replay", "x.o", "--synthetic", "5", "--bogus"}).find("unknown option --bogus"),
            std::string::npos);
  EXPECT_NE(usageError({"replay", "x.o", "--synthetic", "5", "-v"}).find("unknown option -v"),
            std::string::npos);
  EXPECT_NE(usageError({"frobnicate"}).find("unknown command \"frobnicate\""), std::string::npos);
  EXPECT_NE(usageError({"run", "x.o"}).find("--dev IFACE"), std::string::npos);
}

TEST(RunOptions, RejectsBadNumbersAndFormats) {
  EXPECT_NE(usageError({"replay", "x.o", "--synthetic", "5", "--repeat", "0"}).find("between 1 and"),
            std::string::npos);
  EXPECT_NE(usageError({"replay", "x.o", "--synthetic", "-3"}).find("positive whole number"),
            std::string::npos);
  EXPECT_NE(usageError({"replay", "x.o", "--synthetic", "5", "--sample", "4294967296"})
                .find("between 1 and 4294967295"),
            std::string::npos);
  EXPECT_NE(usageError({"replay", "x.o", "--synthetic", "5", "--repeat", "2x"}).find("\"2x\""),
            std::string::npos);
  EXPECT_NE(usageError({"replay", "x.o", "--synthetic", "5", "--format", "xml"})
                .find("table, json, csv or folded"),
            std::string::npos);
  EXPECT_EQ(usageError({"replay", "x.o", "--synthetic", "5", "--sample", "4294967295"}), "");
}

TEST(RunOptions, ListTakesATableOrJsonAndAll) {
  Command c = parse({"list"});
  ASSERT_EQ(c.kind, Command::Kind::List);
  EXPECT_EQ(c.list.format, OutputFormat::Table);
  EXPECT_FALSE(c.list.all);
  c = parse({"list", "--all", "--format=json"});
  EXPECT_EQ(c.list.format, OutputFormat::Json);
  EXPECT_TRUE(c.list.all);
  EXPECT_EQ(usageError({"list", "--format", "csv"}),
            "list --format expects table or json, got \"csv\"");
  EXPECT_EQ(usageError({"list", "x.o"}), "list takes no arguments, got \"x.o\": it lists every "
                                         "instrumented program loaded on this host");
  EXPECT_EQ(usageError({"list", "--sample", "4"}), "unknown option --sample (see inxpect-run list --help)");
}

// Folded stacks from each command; they carry corrected self costs, which
// --raw would contradict.
TEST(RunOptions, FoldedIsAFormatOfEveryCommand) {
  EXPECT_EQ(parse({"replay", "x.o", "--synthetic", "5", "--format", "folded"}).replay.format,
            OutputFormat::Folded);
  EXPECT_EQ(parse({"run", "x.o", "--dev", "eth0", "--format=folded"}).run.format,
            OutputFormat::Folded);
  EXPECT_EQ(parse({"attach", "--prog-id", "7", "--format", "folded"}).attach.format,
            OutputFormat::Folded);
  EXPECT_NE(usageError({"replay", "x.o", "--synthetic", "5", "--format", "folded", "--raw"})
                .find("--raw and --format folded"),
            std::string::npos);
}

TEST(Events, TheClockIsTheDefaultAndAlwaysOffered) {
  inxpect::CounterSource clock;
  auto events = inxpect::armEvents(clock, {}, 4);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].name, "clock");
  EXPECT_EQ(events[0].unit, "ns");
  EXPECT_EQ(events[0].via, "bpf_ktime_get_ns");
  EXPECT_EQ(inxpect::offeredEvents(clock), std::vector<std::string>{"clock"});
}

TEST(Events, HardwareEventsWithoutTheModuleSayWhatToDo) {
  inxpect::CounterSource clock;
  try {
    inxpect::armEvents(clock, {{"cycles", 1}}, 4);
    FAIL() << "cycles armed without the module";
  } catch (const inxpect::RunError &e) {
    EXPECT_NE(std::string(e.what()).find("needs the inxpect kernel module"), std::string::npos);
  }
  EXPECT_THROW(inxpect::armEvents(clock, {{"clock", 1}, {"clock", 2}}, 1), inxpect::RunError);
}

TEST(Precise, EveryCommandTakesItAndEveryEventRequestCarriesIt) {
  Command replay = parse({"replay", "x.o", "--synthetic", "5", "--precise"});
  EXPECT_TRUE(replay.replay.precise);
  Command run = parse({"run", "x.o", "--dev", "eth0", "--precise"});
  EXPECT_TRUE(run.run.precise);
  Command attach = parse({"attach", "--prog-id", "7", "--precise"});
  EXPECT_TRUE(attach.attach.precise);
  EXPECT_FALSE(parse({"replay", "x.o", "--synthetic", "5"}).replay.precise);

  auto requests = parse({"replay", "x.o", "--synthetic", "5", "--events", "tsc,cycles",
                         "--precise"})
                      .replay.eventRequests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_TRUE(requests[0].fenced);
  EXPECT_TRUE(requests[1].fenced);
  // The source's default event, too.
  auto defaults = replay.replay.eventRequests();
  ASSERT_EQ(defaults.size(), 1u);
  EXPECT_EQ(defaults[0].name, "");
  EXPECT_TRUE(defaults[0].fenced);
  EXPECT_FALSE(parse({"replay", "x.o", "--synthetic", "5"}).replay.eventRequests()[0].fenced);
}

TEST(Precise, TakesNoValueAndIsInTheHelp) {
  EXPECT_NE(usageError({"replay", "x.o", "--synthetic", "5", "--precise=yes"}), "");
  Command help = parse({"replay", "--help"});
  EXPECT_NE(help.helpText.find("--precise"), std::string::npos);
  EXPECT_NE(help.helpText.find("lfence"), std::string::npos);
}

TEST(Precise, TheClockCannotBeFencedAndSaysWhy) {
  inxpect::CounterSource clock;
  try {
    inxpect::armEvents(clock, {{"", 1, true}}, 4);
    FAIL() << "--precise accepted with the clock";
  } catch (const inxpect::UsageError &e) {
    std::string what = e.what();
    EXPECT_NE(what.find("--precise needs the inxpect kernel module"), std::string::npos) << what;
    EXPECT_NE(what.find("rdtsc_ordered"), std::string::npos) << what;
  }
  inxpect::CounterSource counter;
  counter.kind = inxpect::CounterKind::CpuTimeCounter;
  try {
    inxpect::armEvents(counter, {{"tsc", 1, true}}, 4);
    FAIL() << "--precise accepted with bpf_get_cpu_time_counter";
  } catch (const inxpect::UsageError &e) {
    std::string what = e.what();
    EXPECT_NE(what.find("lfence; rdtsc"), std::string::npos) << what;
  }
}
