// The runner's side of the inxpect module's control files, against a fake
// /sys/kernel/inxpect directory: parsing, default event, arming, refusals.
#include "counters/CounterSource.h"
#include "counters/KernelModule.h"
#include "RunError.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

using namespace inxpect;

namespace {

const char kNoPmuEvents[] =
    "0 tsc rdtsc armed\n"
    "1 cycles rdpmc unavailable: no PMU on this machine (a VM without a virtual PMU?): only tsc works\n"
    "2 instructions rdpmc off\n";

// A fake module: a directory holding `events`, and `arm` standing for
// /dev/inxpect, which records what was written.
struct FakeModule {
  std::filesystem::path dir;
  explicit FakeModule(const std::string &events) {
    char tmpl[] = "/tmp/inxpect-kmod-test.XXXXXX";
    dir = ::mkdtemp(tmpl);
    std::ofstream(dir / "events") << events;
    std::ofstream(dir / "arm") << "";
  }
  ~FakeModule() { std::filesystem::remove_all(dir); }
  CounterSource source() const {
    return CounterSource{CounterKind::Kfunc, dir.string(), (dir / "arm").string()};
  }
  std::string armed() const {
    std::ifstream in(dir / "arm");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
};

} // namespace

TEST(KernelModule, ParsesEventLinesWithAndWithoutReasons) {
  auto events = parseModuleEvents(kNoPmuEvents);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].slot, 0u);
  EXPECT_EQ(events[0].name, "tsc");
  EXPECT_EQ(events[0].via, "rdtsc");
  EXPECT_EQ(events[0].state, "armed");
  EXPECT_EQ(events[0].reason, "");
  EXPECT_EQ(events[1].state, "unavailable");
  EXPECT_EQ(events[1].reason,
            "no PMU on this machine (a VM without a virtual PMU?): only tsc works");
  EXPECT_EQ(events[2].slot, 2u);
  EXPECT_EQ(events[2].state, "off");
}

TEST(KernelModule, SkipsMalformedLines) {
  EXPECT_TRUE(parseModuleEvents("garbage\n\n7\n").empty());
}

TEST(KernelModule, AbsentWhenTheControlDirectoryIsMissing) {
  EXPECT_FALSE(KernelModule::find("/nonexistent/inxpect").has_value());
}

TEST(KernelModuleEvents, TheTscIsTheDefaultAndNeedsNoArming) {
  FakeModule module(kNoPmuEvents);
  auto events = armEvents(module.source(), {}, 4);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].name, "tsc");
  EXPECT_EQ(events[0].counter, 0u);
  EXPECT_EQ(events[0].via, "rdtsc");
  EXPECT_EQ(events[0].unit, "cycles");
  EXPECT_EQ(module.armed(), "");
  EXPECT_EQ(module.source().describe(events),
            "counter: kfunc (bpf_inxpect_read, inxpect kernel module): tsc via rdtsc in cycles");
}

TEST(KernelModuleEvents, PreciseSetsTheFencedFlagInEveryCounter) {
  FakeModule module("0 tsc rdtsc armed\n1 cycles rdpmc armed\n2 instructions rdpmc armed\n");
  CounterSource source = module.source();
  source.fencedReads = true;
  auto events = armEvents(source, {{"tsc", 1, true}, {"instructions", 4, true}}, 4);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(kInxpectReadFenced, 0x10000u); // INXPECT_READ_FENCED in runtime/kmod/inxpect_kmod.h
  EXPECT_EQ(events[0].counter, 0u | kInxpectReadFenced);
  EXPECT_EQ(events[1].counter, 2u | kInxpectReadFenced);
  EXPECT_TRUE(events[0].fenced);
  EXPECT_EQ(events[1].via, "rdpmc");
  EXPECT_EQ(module.armed(), "instructions\n");
  EXPECT_EQ(source.describe(events),
            "counter: kfunc (bpf_inxpect_read, inxpect kernel module): tsc via fenced rdtsc in "
            "cycles, instructions via fenced rdpmc in count");
  // The default event, unfenced: the slot alone.
  auto plain = armEvents(source, {{"", 1, false}}, 4);
  EXPECT_EQ(plain[0].counter, 0u);
  EXPECT_FALSE(plain[0].fenced);
}

TEST(KernelModuleEvents, AnOlderModuleRefusesPreciseInsteadOfReadingZero) {
  FakeModule module(kNoPmuEvents);
  CounterSource source = module.source(); // fencedReads false: no INXPECT_KFUNC_ABI_2
  try {
    armEvents(source, {{"", 1, true}}, 4);
    FAIL() << "--precise accepted by a module that cannot fence";
  } catch (const UsageError &e) {
    std::string what = e.what();
    EXPECT_NE(what.find("cannot fence"), std::string::npos) << what;
    EXPECT_NE(what.find("INXPECT_KFUNC_ABI_2"), std::string::npos) << what;
  }
  EXPECT_EQ(armEvents(source, {{"", 1, false}}, 4)[0].counter, 0u);
}

TEST(KernelModuleEvents, OffersTheModulesEvents) {
  FakeModule module(kNoPmuEvents);
  EXPECT_EQ(offeredEvents(module.source()),
            (std::vector<std::string>{"tsc", "cycles", "instructions"}));
}

TEST(KernelModuleEvents, ArmedHardwareEventReadsItsSlotWithRdpmc) {
  FakeModule module("0 tsc rdtsc armed\n1 cycles rdpmc armed\n2 instructions rdpmc armed\n");
  auto events = armEvents(module.source(), {{"instructions", 4}, {"tsc", 1}}, 4);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].index, 0u);
  EXPECT_EQ(events[0].counter, 2u);
  EXPECT_EQ(events[0].via, "rdpmc");
  EXPECT_EQ(events[0].unit, "count");
  EXPECT_EQ(events[0].sampleEvery, 4u);
  EXPECT_EQ(events[1].counter, 0u);
  EXPECT_EQ(module.armed(), "instructions\n");
}

TEST(KernelModuleEvents, NoPmuIsReportedWithTheModulesReason) {
  FakeModule module(kNoPmuEvents);
  try {
    armEvents(module.source(), {{"cycles", 1}}, 4);
    FAIL() << "cycles armed without a PMU";
  } catch (const RunError &e) {
    std::string what = e.what();
    EXPECT_NE(what.find("'cycles' cannot be measured: no PMU"), std::string::npos) << what;
    EXPECT_NE(what.find("--events tsc"), std::string::npos) << what;
  }
}

TEST(KernelModuleEvents, UnknownEventListsTheChoices) {
  FakeModule module(kNoPmuEvents);
  try {
    armEvents(module.source(), {{"bogus", 1}}, 4);
    FAIL();
  } catch (const RunError &e) {
    EXPECT_NE(std::string(e.what()).find("choose among tsc, cycles, instructions"),
              std::string::npos)
        << e.what();
  }
}

TEST(KernelModuleEvents, TheClockIsRefusedWhileTheModuleIsLoaded) {
  FakeModule module(kNoPmuEvents);
  EXPECT_THROW(armEvents(module.source(), {{"clock", 1}}, 4), RunError);
}

// The runner names the counter the probes will read, in their order: the
// module's kfunc, the kernel's JIT-inlined counter, the clock.
TEST(RunCounterChoice, TheModuleFirstThenTheKernelsCounterThenTheClock) {
  EXPECT_EQ(chooseCounterKind(true, true), CounterKind::Kfunc);
  EXPECT_EQ(chooseCounterKind(true, false), CounterKind::Kfunc);
  EXPECT_EQ(chooseCounterKind(false, true), CounterKind::CpuTimeCounter);
  EXPECT_EQ(chooseCounterKind(false, false), CounterKind::Clock);
}

TEST(RunCounterChoice, TheKernelsCounterMeasuresTscInCycles) {
  CounterSource source{CounterKind::CpuTimeCounter};
  EXPECT_EQ(offeredEvents(source), std::vector<std::string>{"tsc"});
  std::vector<EventInfo> events = armEvents(source, {}, 4);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].name, "tsc");
  EXPECT_EQ(events[0].unit, "cycles");
  EXPECT_EQ(events[0].via, "bpf_get_cpu_time_counter");
  EXPECT_NE(source.describe().find("bpf_get_cpu_time_counter"), std::string::npos);
  try {
    armEvents(source, {{"cycles", 1}}, 4);
    FAIL() << "cycles needs the module";
  } catch (const RunError &e) {
    EXPECT_NE(std::string(e.what()).find("--events tsc"), std::string::npos) << e.what();
  }
}

// Probes built without kfuncs (a program that is not GPL-compatible) read
// the clock whatever is loaded: the counter line says why, and asking for
// more says what would lift it.
TEST(RunCounterChoice, ClockOnlyProbesSayWhyAndRefuseMore) {
  CounterSource source = clockOnlySource("the program's license \"BSD\" is not GPL-compatible");
  EXPECT_EQ(source.describe(),
            "counter: clock (bpf_ktime_get_ns, ns): the program reads the clock only, because "
            "the program's license \"BSD\" is not GPL-compatible and the kernel lets such a "
            "program call no kfunc");
  std::vector<EventInfo> events = armEvents(source, {}, 4);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].name, "clock");
  try {
    armEvents(source, {{"", 1, true}}, 4);
    FAIL() << "--precise accepted for probes that call no kfunc";
  } catch (const UsageError &e) {
    std::string what = e.what();
    EXPECT_NE(what.find("--precise needs the inxpect kernel module's kfunc"), std::string::npos) << what;
    EXPECT_NE(what.find("license \"BSD\""), std::string::npos) << what;
    EXPECT_NE(what.find("give it a GPL-compatible license"), std::string::npos) << what;
  }
  try {
    armEvents(source, {{"cycles", 1}}, 4);
    FAIL() << "cycles accepted for probes that call no kfunc";
  } catch (const RunError &e) {
    std::string what = e.what();
    EXPECT_NE(what.find("license \"BSD\""), std::string::npos) << what;
    EXPECT_NE(what.find("--events clock"), std::string::npos) << what;
  }
}
