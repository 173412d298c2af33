// For every e2e program and mode: the instrumented program returns the same
// verdict and leaves the same bytes as the original for every packet, each
// section's count equals the entries the program counted itself (by name for
// functions, regions, ranges and manual traces; by line for loops), and the
// runs inxpect counted equal the entry-program runs the program counted
// (more than the packets when it tail-calls: the callee starts a run). A file
// with several entry programs runs the packets through each in turn.
#include <optional>
#include <string>
#include <vector>

#include <bpf/libbpf.h>
#include <gtest/gtest.h>

#include "JumpTable.h"
#include "object/LoadedObject.h"
#include "MapSeeds.h"
#include "Manifest.h"
#include "OriginalProgram.h"
#include "PacketMix.h"
#include "ProgramBuild.h"
#include "ProgramCounters.h"
#include "traffic/Replay.h"
#include "RequireRoot.h"
#include "SectionCount.h"
#include "profile/StatsReader.h"

namespace {

struct Case {
  const char *program;
  const char *label; // names the mode in the test name
  const char *flags; // inxpect-instrument's mode flags
  std::vector<const char *> entries; // the XDP programs the packets run through, in turn
};

// How googletest names a case in its output and in ctest.
void PrintTo(const Case &c, std::ostream *os) { *os << c.program << " " << c.flags; }

// The packets through each entry program of a loaded object in turn: the
// outcomes of the first program's run, then the second's...
std::vector<inxpect::PacketOutcome> runThroughEach(bpf_object *obj, const std::vector<const char *> &entries,
                                                   const std::vector<inxpect::Packet> &packets) {
  std::vector<inxpect::PacketOutcome> outcomes;
  for (const char *entry : entries) {
    bpf_program *prog = bpf_object__find_program_by_name(obj, entry);
    EXPECT_TRUE(prog && bpf_program__type(prog) == BPF_PROG_TYPE_XDP) << "no XDP program " << entry;
    if (!prog)
      return {};
    std::vector<inxpect::PacketOutcome> run = inxpect::runEachPacket(bpf_program__fd(prog), packets);
    outcomes.insert(outcomes.end(), run.begin(), run.end());
  }
  return outcomes;
}

// The count the program kept itself for a section, or nothing if it has none.
std::optional<uint64_t> ownCount(const e2e::ProgramCounters &counters, const inxpect::Section &s) {
  if (s.kind == inxpect::SectionKind::Loop) {
    if (s.begin.line >= counters.byLine.size() || counters.byLine[s.begin.line] == 0)
      return std::nullopt; // no LOOP_ENTERED() on the loop's line, or never run
    return counters.byLine[s.begin.line];
  }
  // A function in a header is named after its file too: its counter is the function's.
  auto it = counters.byName.find(s.kind == inxpect::SectionKind::Function ? s.function : s.name);
  if (it == counters.byName.end())
    return std::nullopt;
  return it->second;
}

class SameBehaviour : public ::testing::TestWithParam<Case> {};

TEST_P(SameBehaviour, SameVerdictsSameBytesExactCounts) {
  REQUIRE_ROOT_FOR_BPF();
  const Case &c = GetParam();
  std::string dir = e2e::makeWorkDir(std::string(c.program) + "-" + c.label);
  e2e::BuiltProgram built = e2e::buildProgram(c.program, {c.flags}, dir);
  ASSERT_FALSE(HasFatalFailure());
  const std::vector<inxpect::Packet> packets = e2e::packetMix();

  e2e::OriginalProgram original;
  e2e::loadOriginal(built.original, c.entries.at(0), original);
  ASSERT_FALSE(HasFatalFailure());
  e2e::seedMaps(original.obj);
  ASSERT_FALSE(HasFatalFailure());
  std::vector<inxpect::PacketOutcome> expected = runThroughEach(original.obj, c.entries, packets);
  e2e::ProgramCounters expectedCounts = e2e::readProgramCounters(original.obj);

  auto instrumented = inxpect::LoadedObject::open(built.instrumented, c.entries.at(0));
  instrumented->load(); // through the verifier, or throws with its log
  e2e::fillJumpTable(instrumented->object());
  e2e::seedMaps(instrumented->object());
  ASSERT_FALSE(HasFatalFailure());
  inxpect::StatsReader stats(instrumented->statsLayout());
  inxpect::Snapshot before = stats.snapshot();
  std::vector<inxpect::PacketOutcome> got = runThroughEach(instrumented->object(), c.entries, packets);
  inxpect::Snapshot measured = inxpect::difference(stats.snapshot(), before);

  ASSERT_EQ(got.size(), expected.size());
  ASSERT_EQ(got.size(), packets.size() * c.entries.size());
  size_t differing = 0;
  for (size_t i = 0; i < got.size(); ++i) {
    if (got[i].verdict == expected[i].verdict && got[i].output == expected[i].output)
      continue;
    if (++differing <= 3)
      ADD_FAILURE() << c.entries[i / packets.size()] << ", packet " << i % packets.size() << " ("
                    << packets[i % packets.size()].size() << " bytes): verdict "
                    << got[i].verdict << " instead of " << expected[i].verdict
                    << (got[i].output == expected[i].output ? "" : ", and other output bytes");
  }
  EXPECT_EQ(differing, 0u) << "packets treated differently by the instrumented program";

  // The program's own counters agree between the two builds...
  e2e::ProgramCounters counts = e2e::readProgramCounters(instrumented->object());
  EXPECT_TRUE(counts == expectedCounts) << "the program counted other entries once instrumented";
  // ...and every section counted exactly the entries the program counted.
  inxpect::Manifest manifest = inxpect::readManifestFile(built.manifest);
  ASSERT_FALSE(manifest.sections.empty());
  for (const inxpect::Section &s : manifest.sections) {
    std::optional<uint64_t> own = ownCount(counts, s);
    if (!own) {
      ADD_FAILURE() << inxpect::kindName(s.kind) << " section " << s.name << " (line " << s.begin.line
                    << ") has no counter of its own, or the packet mix never enters it";
      continue;
    }
    EXPECT_GT(*own, 0u) << "the packet mix never enters " << s.name;
    EXPECT_EQ(e2e::sectionCount(measured, s.id), *own) << inxpect::kindName(s.kind) << " section " << s.name;
  }
  EXPECT_GE(counts.runs, got.size()) << "an entry program lacks RUN_STARTED()";
  EXPECT_EQ(measured.runs, counts.runs);
}

std::string caseName(const ::testing::TestParamInfo<Case> &info) {
  return std::string(info.param.program) + "_" + info.param.label;
}

INSTANTIATE_TEST_SUITE_P(PerFunction, SameBehaviour,
                         ::testing::Values(Case{"drop", "all", "--per-function", {"xdp_drop"}},
                                           Case{"parser", "all", "--per-function", {"xdp_parser"}},
                                           // The entry program is no section here:
                                           // runs must start all the same.
                                           Case{"parser", "parse_and_handle",
                                                "--per-function --functions 'parse_.*|handle_.*'",
                                                {"xdp_parser"}}),
                         caseName);

// The realistic programs in every mode; annotated regions, ranges and manual
// traces are sections in all of them.
std::vector<Case> everyMode(const char *program, const std::vector<const char *> &entries) {
  return {Case{program, "annotations", "", entries},
          Case{program, "per_function", "--per-function", entries},
          Case{program, "per_loop", "--per-loop", entries},
          Case{program, "per_function_per_loop", "--per-function --per-loop", entries}};
}

// Each program, with its one entry, in every mode.
std::vector<Case> everyMode(const std::vector<std::pair<const char *, const char *>> &programs) {
  std::vector<Case> cases;
  for (auto [program, entry] : programs)
    for (const Case &c : everyMode(program, {entry}))
      cases.push_back(c);
  return cases;
}

std::vector<Case> realisticPrograms() {
  return everyMode({{"fullparser", "xdp_fullparser"}, {"firewall", "xdp_firewall"},
                    {"loadbalancer", "xdp_loadbalancer"}});
}

INSTANTIATE_TEST_SUITE_P(Realistic, SameBehaviour, ::testing::ValuesIn(realisticPrograms()), caseName);

// Function shapes and ways out of sections the realistic programs miss
// (programs/shapes.c), in every mode, each of its XDP programs an entry.
INSTANTIATE_TEST_SUITE_P(Shapes, SameBehaviour,
                         ::testing::ValuesIn(everyMode("shapes", {"xdp_shapes_calls", "xdp_shapes_jumps",
                                                                  "xdp_shapes_tail", "tail_0"})),
                         caseName);

// Shapes of programs written elsewhere (issue 14): no license section and a
// non-GPL license (the probes read the clock only), START_TRACE()/END_TRACE()
// macros of the program's own, no free line before the first function.
std::vector<Case> realWorldShapes() {
  return everyMode({{"unlicensed", "xdp_unlicensed"},
                    {"bsd_licensed", "xdp_bsd_licensed"},
                    {"own_trace_macros", "xdp_own_trace_macros"},
                    {"no_free_line", "xdp_no_free_line"}});
}

INSTANTIATE_TEST_SUITE_P(RealWorldShapes, SameBehaviour, ::testing::ValuesIn(realWorldShapes()), caseName);

// A program whose functions, loop and region all live in a header it
// includes (programs/header_filter/filter.h): the header's rewrite carries
// the probes, in every mode.
INSTANTIATE_TEST_SUITE_P(InAHeader, SameBehaviour,
                         ::testing::ValuesIn(everyMode("header_filter", {"xdp_header_filter"})),
                         caseName);

// One function entered inside two sections (programs/shared_callee.c), the
// program FoldedStacksTest splits.
INSTANTIATE_TEST_SUITE_P(SharedCallee, SameBehaviour,
                         ::testing::ValuesIn(everyMode("shared_callee", {"xdp_shared_callee"})),
                         caseName);

} // namespace
