// Every example of examples/ in every mode of inxpect-instrument: both builds
// compile and load through the verifier, return the same verdicts and leave
// the same bytes over a mix of packets that takes each example down each of
// its paths, and every section's count is exactly the number of entries the
// example's model predicts (ExampleOracles.h). The model is checked against
// the original build first: its verdict for every packet must be the
// program's, and what it says of a forwarded packet's MACs must hold.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <bpf/libbpf.h>
#include <gtest/gtest.h>

#include "ExampleOracles.h"
#include "ExampleSetup.h"
#include "Ipv4Fields.h"
#include "object/LoadedObject.h"
#include "Manifest.h"
#include "OriginalProgram.h"
#include "PacketMix.h"
#include "ProgramBuild.h"
#include "traffic/Replay.h"
#include "RequireRoot.h"
#include "SectionCount.h"
#include "profile/StatsReader.h"

namespace {

using inxpect::Packet;
using inxpect::SectionKind;

struct Example {
  const char *name;   // names the case
  const char *source; // in examples/
  const char *entry;
  std::vector<std::string> defines;
  std::function<std::unique_ptr<e2e::ExampleOracle>()> oracle;
  std::function<std::vector<Packet>()> packets;
  std::function<void(bpf_object *)> seed; // the same maps in both builds
};

void noSeed(bpf_object *) {}

const std::vector<Example> &examples() {
  static const std::vector<Example> all = {
      {"drop", "drop.c", "xdp_drop", {}, e2e::dropOracle, e2e::packetMix, noSeed},
      {"cms", "cms.c", "xdp_cms", {}, [] { return e2e::cmsOracle(false); }, e2e::packetMix, noSeed},
      {"cms_djb2", "cms.c", "xdp_cms", {"-DCMS_HASH_DJB2"}, [] { return e2e::cmsOracle(true); },
       e2e::packetMix, noSeed},
      {"nat", "nat.c", "xdp_nat", {}, [] { return std::make_unique<e2e::NatOracle>(); }, e2e::natPackets,
       e2e::seedNat},
      {"router", "router.c", "xdp_router", {}, e2e::routerOracle, e2e::routerPackets, e2e::seedRouter},
      {"tunnel", "tunnel.c", "xdp_tunnel", {}, e2e::tunnelOracle, e2e::packetMix, noSeed},
  };
  return all;
}

struct Mode {
  const char *label;
  std::vector<std::string> flags;
  bool functions, loops; // regions are sections in every mode
};

const std::vector<Mode> &modes() {
  static const std::vector<Mode> all = {
      {"annotations", {}, false, false},
      {"per_function", {"--per-function"}, true, false},
      {"per_loop", {"--per-loop"}, false, true},
      {"per_function_per_loop", {"--per-function", "--per-loop"}, true, true},
  };
  return all;
}

struct Case {
  const Example *example;
  const Mode *mode;
};

void PrintTo(const Case &c, std::ostream *os) { *os << c.example->name << " " << c.mode->label; }

std::vector<Case> everyCase() {
  std::vector<Case> cases;
  for (const Example &e : examples())
    for (const Mode &m : modes())
      cases.push_back({&e, &m});
  return cases;
}

std::string caseName(const ::testing::TestParamInfo<Case> &info) {
  return std::string(info.param.example->name) + "_" + info.param.mode->label;
}

std::string examplePath(const Example &e) { return std::string(E2E_EXAMPLES_DIR) + "/" + e.source; }

// The sections the model says this mode has, with the entries it predicts.
std::map<std::string, uint64_t> expectedInMode(const e2e::ExampleOracle &oracle, const Mode &mode,
                                               const e2e::SectionEntries &entries) {
  std::map<std::string, uint64_t> expected;
  for (const e2e::OracleSection &s : oracle.sections()) {
    bool on = s.kind == SectionKind::Region || (s.kind == SectionKind::Function && mode.functions) ||
              (s.kind == SectionKind::Loop && mode.loops);
    if (on) {
      auto it = entries.find(s.key);
      expected[s.key] = it == entries.end() ? 0 : it->second;
    }
  }
  return expected;
}

// Holds the model to the original build: same verdicts, forwarded packets
// with the MACs it says and valid checksums (when they came in valid).
void checkModel(e2e::ExampleOracle &oracle, const std::vector<Packet> &packets,
                const std::vector<inxpect::PacketOutcome> &original, e2e::SectionEntries &entries) {
  size_t wrong = 0;
  for (size_t i = 0; i < packets.size(); ++i) {
    e2e::OracleStep step = oracle.step(packets[i], entries);
    const inxpect::PacketOutcome &got = original[i];
    std::string problem;
    if (got.verdict != step.verdict)
      problem = "verdict " + std::to_string(got.verdict) + ", the model says " + std::to_string(step.verdict);
    else if (step.macs && !std::equal(step.macs->begin(), step.macs->end(), got.output.begin()))
      problem = "left with other MACs than the model says";
    else if (got.verdict == 3 /* XDP_TX */ && e2e::ipv4::checksumsValid(packets[i]) &&
             !e2e::ipv4::checksumsValid(got.output))
      problem = "sent with a wrong checksum";
    if (!problem.empty() && ++wrong <= 3)
      ADD_FAILURE() << "packet " << i << " (" << packets[i].size() << " bytes): " << problem;
  }
  EXPECT_EQ(wrong, 0u) << "packets where the original build and its model disagree";
}

class Examples : public ::testing::TestWithParam<Case> {};

TEST_P(Examples, SameVerdictsSameBytesExactCounts) {
  REQUIRE_ROOT_FOR_BPF();
  const Example &example = *GetParam().example;
  const Mode &mode = *GetParam().mode;
  std::string dir = e2e::makeWorkDir(std::string("example-") + example.name + "-" + mode.label);
  e2e::BuiltProgram built = e2e::buildSource(examplePath(example), mode.flags, dir, example.defines);
  ASSERT_FALSE(HasFatalFailure());
  const std::vector<Packet> packets = example.packets();
  ASSERT_FALSE(HasFatalFailure());

  e2e::OriginalProgram original;
  e2e::loadOriginal(built.original, example.entry, original);
  ASSERT_FALSE(HasFatalFailure());
  example.seed(original.obj);
  ASSERT_FALSE(HasFatalFailure());
  std::vector<inxpect::PacketOutcome> expected = inxpect::runEachPacket(original.fd, packets);

  std::unique_ptr<e2e::ExampleOracle> oracle = example.oracle();
  e2e::SectionEntries entries;
  checkModel(*oracle, packets, expected, entries);
  for (const e2e::OracleSection &s : oracle->sections())
    if (!s.uncalled)
      EXPECT_GT(entries[s.key], 0u) << "the packet mix never enters " << s.key;
  std::map<std::string, uint64_t> want = expectedInMode(*oracle, mode, entries);

  inxpect::Manifest manifest = inxpect::readManifestFile(built.manifest);
  std::vector<inxpect::PacketOutcome> got;
  inxpect::Snapshot measured;
  std::unique_ptr<inxpect::LoadedObject> instrumented;
  e2e::OriginalProgram unchanged; // no section: the rewrite is the input, without probes
  if (manifest.sections.empty()) {
    e2e::loadOriginal(built.instrumented, example.entry, unchanged);
    ASSERT_FALSE(HasFatalFailure());
    example.seed(unchanged.obj);
    got = inxpect::runEachPacket(unchanged.fd, packets);
  } else {
    instrumented = inxpect::LoadedObject::open(built.instrumented, example.entry);
    instrumented->load(); // through the verifier, or throws with its log
    example.seed(instrumented->object());
    ASSERT_FALSE(HasFatalFailure());
    inxpect::StatsReader stats(instrumented->statsLayout());
    inxpect::Snapshot before = stats.snapshot();
    got = inxpect::runEachPacket(instrumented->programFd(), packets);
    measured = inxpect::difference(stats.snapshot(), before);
    EXPECT_EQ(measured.runs, packets.size()) << "runs counted by the probes";
  }

  ASSERT_EQ(got.size(), expected.size());
  size_t differing = 0;
  for (size_t i = 0; i < got.size(); ++i) {
    if (got[i].verdict == expected[i].verdict && got[i].output == expected[i].output)
      continue;
    if (++differing <= 3)
      ADD_FAILURE() << "packet " << i << " (" << packets[i].size() << " bytes): verdict " << got[i].verdict
                    << " instead of " << expected[i].verdict
                    << (got[i].output == expected[i].output ? "" : ", and other output bytes");
  }
  EXPECT_EQ(differing, 0u) << "packets treated differently by the instrumented program";

  // The manifest has exactly the sections the model expects in this mode,
  // each counted exactly as often as the model says it is entered.
  std::map<std::string, uint64_t> measuredByKey;
  for (const inxpect::Section &s : manifest.sections) {
    std::string key = e2e::oracleKey(s);
    EXPECT_FALSE(measuredByKey.count(key)) << "two sections for " << key << ": the model needs one loop a function";
    measuredByKey[key] = e2e::sectionCount(measured, s.id);
  }
  EXPECT_EQ(measuredByKey, want);
  // And each timed entry is in its section's histogram, once; the children
  // a section's passes saw timed are no more than entries of other sections.
  uint64_t allEntries = 0;
  for (const inxpect::Section &s : manifest.sections)
    allEntries += e2e::sectionCount(measured, s.id);
  for (const inxpect::Section &s : manifest.sections)
    for (unsigned e = 0; e < measured.sections.at(s.id).size(); ++e) {
      const inxpect::EventTotals &t = measured.sections[s.id][e];
      EXPECT_EQ(e2e::histogramEntries(measured, s.id, e), t.count) << s.name << ", event " << e;
      EXPECT_LE(t.children, allEntries - e2e::sectionCount(measured, s.id)) << s.name;
      EXPECT_LE(t.passes, e2e::sectionCount(measured, s.id)) << s.name;
    }
}

INSTANTIATE_TEST_SUITE_P(EveryMode, Examples, ::testing::ValuesIn(everyCase()), caseName);

} // namespace
