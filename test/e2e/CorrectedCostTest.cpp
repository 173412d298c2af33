// The corrected cost of examples/cms.c's entry function (its annotated
// regions nested inside it) must land near what the uninstrumented build
// costs on the same packets. Timings on a shared machine are noisy, so the
// bound is generous (a third to three times) and only medians of
// interleaved rounds are compared: the accuracy itself is measured by
// bench/accuracy.sh, this test catches a correction that is off by an
// order of magnitude (the raw reading with nested probes in is ~3x bare,
// a correction subtracting a probe too many reads 0).
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "Manifest.h"
#include "Medians.h"
#include "OriginalProgram.h"
#include "ProgramBuild.h"
#include "RequireRoot.h"
#include "SectionCount.h"
#include "TestRun.h"
#include "counters/CounterSource.h"
#include "object/LoadedObject.h"
#include "profile/Calibration.h"
#include "profile/Figures.h"
#include "profile/StatsReader.h"
#include "traffic/SyntheticTraffic.h"

namespace {

constexpr unsigned kRounds = 9;
constexpr std::size_t kPackets = 64;
constexpr uint32_t kRepeat = 2000; // runs of each packet a call

// The kernel's mean ns a run over every packet, each run kRepeat times.
double nsPerRun(int fd, const std::vector<inxpect::Packet> &packets) {
  double total = 0;
  for (const inxpect::Packet &packet : packets)
    total += bench::timeTestRun(fd, packet, kRepeat).kernelNs;
  return total / packets.size();
}

TEST(CorrectedCost, CmsEntryInclusiveIsNearTheBareBuildsCost) {
  REQUIRE_ROOT_FOR_BPF();
  // drop's original build returns at once: its time is the test-run loop's own.
  e2e::BuiltProgram empty = e2e::buildSource(E2E_EXAMPLES_DIR "/drop.c", {}, e2e::makeWorkDir("corrected-empty"));
  e2e::BuiltProgram cms = e2e::buildSource(E2E_EXAMPLES_DIR "/cms.c", {"--per-function", "--functions", "xdp_cms"},
                                           e2e::makeWorkDir("corrected-cms"));
  ASSERT_FALSE(HasFatalFailure());
  e2e::OriginalProgram loop, bare;
  e2e::loadOriginal(empty.original, "xdp_drop", loop);
  e2e::loadOriginal(cms.original, "xdp_cms", bare);
  ASSERT_FALSE(HasFatalFailure());

  auto object = inxpect::LoadedObject::open(cms.instrumented, "xdp_cms");
  object->load();
  auto program = object->liveProgram();
  std::vector<inxpect::EventInfo> events =
      inxpect::armEvents(inxpect::detectCounterSource(), {{"", 1}}, object->layout().maxEvents);
  program->config().configure(events, std::vector<bool>(program->nsections(), true));
  inxpect::StatsReader stats(program->statsLayout());
  unsigned entry = 0;
  for (const inxpect::Section &section : inxpect::readManifestFile(cms.manifest).sections)
    if (section.name == "xdp_cms")
      entry = section.id;

  const std::vector<inxpect::Packet> packets = inxpect::syntheticTraffic(kPackets).packets;
  std::vector<double> bareCosts, corrected, raw;
  for (unsigned r = 0; r < kRounds; ++r) {
    bareCosts.push_back(nsPerRun(bare.fd, packets) - nsPerRun(loop.fd, packets));
    std::vector<inxpect::ProbeCost> before = inxpect::calibrateProbes(events);
    inxpect::Snapshot start = stats.snapshot();
    nsPerRun(object->programFd(), packets);
    inxpect::Snapshot s = inxpect::difference(stats.snapshot(), start);
    inxpect::ProbeCost cost = inxpect::pooled({before, inxpect::calibrateProbes(events)}).at(0);
    const inxpect::EventTotals &t = s.sections.at(entry).at(0);
    ASSERT_EQ(e2e::sectionCount(s, entry), kPackets * kRepeat) << "every run enters xdp_cms";
    ASSERT_GT(t.count, 0u) << "no run timed xdp_cms";
    corrected.push_back(inxpect::correctedMean(t, cost)->mean);
    raw.push_back(double(t.total) / t.count);
  }
  double b = bench::median(bareCosts), c = bench::median(corrected);
  std::cout << "cms, median of " << kRounds << " rounds (" << events[0].unit << " a run): bare " << b
            << ", entry raw " << bench::median(raw) << ", entry corrected " << c << "\n";
  ASSERT_GT(b, 0) << "the bare build costs no more than an empty program: nothing to compare";
  EXPECT_GT(c, b / 3) << "the correction takes out far more than the probes cost";
  EXPECT_LT(c, b * 3) << "the correction leaves most of the probes' cost in";
}

} // namespace
