// The paper's case study on examples/cms.c: its two annotated regions,
// `parse` and `update`, profiled in the build with the Jenkins hash and in
// the one with DJB2 (-DCMS_HASH_DJB2). The profile must show what the paper
// found: with Jenkins, updating the sketch costs more an entry than parsing
// the packet, and DJB2 makes the update cheaper. Only these relations are
// checked, never a figure: each build is loaded once and the rounds
// alternate (Jenkins, DJB2, Jenkins, ...) so both see the same machine, and
// the medians of the rounds' means are compared, so a disturbed round
// cannot decide. The event is instructions where the kernel module can count
// them, else the default one: time (the clock or, with the module, the TSC).
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "counters/CounterSource.h"
#include "object/LoadedObject.h"
#include "Manifest.h"
#include "ProgramBuild.h"
#include "SectionCount.h"
#include "traffic/Replay.h"
#include "RequireRoot.h"
#include "RunError.h"
#include "profile/StatsReader.h"
#include "traffic/SyntheticTraffic.h"

namespace {

constexpr unsigned kRounds = 21;
constexpr size_t kPacketsPerRound = 5000;

// Instructions when the module offers and can arm them, else the default.
std::vector<inxpect::EventInfo> chooseEvent(unsigned maxEvents) {
  inxpect::CounterSource source = inxpect::detectCounterSource();
  std::vector<std::string> offered = inxpect::offeredEvents(source);
  if (std::find(offered.begin(), offered.end(), "instructions") != offered.end()) {
    try {
      return inxpect::armEvents(source, {{"instructions", 1}}, maxEvents);
    } catch (const inxpect::RunError &e) {
      std::cout << "instructions not measurable (" << e.what() << "): measuring time\n";
    }
  }
  return inxpect::armEvents(source, {{"", 1}}, maxEvents);
}

struct Profiled {
  std::unique_ptr<inxpect::LoadedObject> object;
  std::unique_ptr<inxpect::LiveProgram> program; // its configuration, after load
  std::unique_ptr<inxpect::StatsReader> stats;
  unsigned parse = 0, update = 0;        // section ids
  std::vector<double> parseMeans, updateMeans; // one a round, the event a section entry
};

unsigned sectionId(const inxpect::Manifest &m, const std::string &name) {
  for (const inxpect::Section &s : m.sections)
    if (s.name == name)
      return s.id;
  ADD_FAILURE() << "the manifest has no section " << name;
  return 0;
}

void build(const std::vector<std::string> &defines, const std::string &label, Profiled &out) {
  std::string dir = e2e::makeWorkDir("case-study-" + label);
  e2e::BuiltProgram built = e2e::buildSource(E2E_EXAMPLES_DIR "/cms.c", {}, dir, defines);
  ASSERT_FALSE(::testing::Test::HasFatalFailure());
  inxpect::Manifest manifest = inxpect::readManifestFile(built.manifest);
  out.parse = sectionId(manifest, "parse");
  out.update = sectionId(manifest, "update");
  out.object = inxpect::LoadedObject::open(built.instrumented, "xdp_cms");
}

void load(const inxpect::EventInfo &event, Profiled &p) {
  p.object->load();
  p.program = p.object->liveProgram();
  p.program->config().setCounter(0, event.counter);
  p.program->config().setSampleEvery(0, 1);
  p.stats = std::make_unique<inxpect::StatsReader>(p.object->statsLayout());
}

double meanPerEntry(const inxpect::Snapshot &s, unsigned id) {
  const inxpect::EventTotals &e = s.sections.at(id).at(0);
  return e.count ? double(e.total) / e.count : 0;
}

void round(const std::vector<inxpect::Packet> &packets, Profiled &p) {
  inxpect::Snapshot before = p.stats->snapshot();
  inxpect::replayPackets(p.object->programFd(), packets, 1);
  inxpect::Snapshot after = inxpect::difference(p.stats->snapshot(), before);
  ASSERT_EQ(e2e::sectionCount(after, p.parse), packets.size()) << "every packet is parsed";
  ASSERT_GT(after.sections.at(p.update).at(0).count, 0u) << "no packet's update was timed";
  p.parseMeans.push_back(meanPerEntry(after, p.parse));
  p.updateMeans.push_back(meanPerEntry(after, p.update));
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

TEST(CaseStudy, DjbCutsTheUpdateThatDominatesWithJenkins) {
  REQUIRE_ROOT_FOR_BPF();
  Profiled jenkins, djb2;
  build({}, "jenkins", jenkins);
  build({"-DCMS_HASH_DJB2"}, "djb2", djb2);
  ASSERT_FALSE(HasFatalFailure());
  std::vector<inxpect::EventInfo> events = chooseEvent(jenkins.object->layout().maxEvents);
  ASSERT_EQ(events.size(), 1u);
  load(events[0], jenkins);
  load(events[0], djb2);

  const std::vector<inxpect::Packet> packets = inxpect::syntheticTraffic(kPacketsPerRound).packets;
  for (unsigned r = 0; r < kRounds; ++r) {
    round(packets, jenkins);
    round(packets, djb2);
    ASSERT_FALSE(HasFatalFailure());
  }

  double jParse = median(jenkins.parseMeans), jUpdate = median(jenkins.updateMeans);
  double dParse = median(djb2.parseMeans), dUpdate = median(djb2.updateMeans);
  std::cout << "median " << events[0].name << " (" << events[0].unit << ") an entry over " << kRounds
            << " rounds of " << packets.size() << " packets: jenkins parse " << jParse << ", update "
            << jUpdate << "; djb2 parse " << dParse << ", update " << dUpdate << "\n";
  EXPECT_GT(jUpdate, jParse) << "with Jenkins, update should cost more an entry than parse";
  EXPECT_LT(dUpdate, jUpdate) << "DJB2 should make the update cheaper than Jenkins";
}

} // namespace
