// For every e2e program and mode: the instrumented program returns the same
// verdict and leaves the same bytes as the original for every packet, and
// each section's count equals the entries the program counted itself.
#include <string>
#include <vector>

#include <bpf/libbpf.h>
#include <gtest/gtest.h>

#include "LoadedObject.h"
#include "Manifest.h"
#include "PacketMix.h"
#include "ProgramBuild.h"
#include "ProgramCounters.h"
#include "Replay.h"
#include "RequireRoot.h"
#include "StatsReader.h"

namespace {

struct Case {
  const char *program;
  const char *label; // names the mode in the test name
  const char *flags; // inxpect-instrument's mode flags
};

// How googletest names a case in its output and in ctest.
void PrintTo(const Case &c, std::ostream *os) { *os << c.program << " " << c.flags; }

// The original object, loaded with plain libbpf as any loader would.
struct OriginalProgram {
  bpf_object *obj = nullptr;
  int fd = -1;
  ~OriginalProgram() { bpf_object__close(obj); }
};

void loadOriginal(const std::string &path, OriginalProgram &out) {
  out.obj = bpf_object__open_file(path.c_str(), nullptr);
  ASSERT_TRUE(out.obj) << "cannot open " << path;
  ASSERT_EQ(bpf_object__load(out.obj), 0) << "the original " << path << " does not load";
  bpf_program *prog;
  bpf_object__for_each_program(prog, out.obj) {
    if (bpf_program__type(prog) == BPF_PROG_TYPE_XDP)
      out.fd = bpf_program__fd(prog);
  }
  ASSERT_GE(out.fd, 0) << path << " has no XDP program";
}

uint64_t sectionCount(const inxpect::Snapshot &s, unsigned id) {
  uint64_t count = 0;
  for (const inxpect::EventTotals &e : s.sections.at(id))
    count += e.count;
  return count;
}

class SameBehaviour : public ::testing::TestWithParam<Case> {};

TEST_P(SameBehaviour, SameVerdictsSameBytesExactCounts) {
  REQUIRE_ROOT_FOR_BPF();
  const Case &c = GetParam();
  std::string dir = e2e::makeWorkDir(std::string(c.program) + "-" + c.label);
  e2e::BuiltProgram built = e2e::buildProgram(c.program, {c.flags}, dir);
  ASSERT_FALSE(HasFatalFailure());
  const std::vector<inxpect::Packet> packets = e2e::packetMix();

  OriginalProgram original;
  loadOriginal(built.original, original);
  ASSERT_FALSE(HasFatalFailure());
  std::vector<inxpect::PacketOutcome> expected = inxpect::runEachPacket(original.fd, packets);
  std::map<std::string, uint64_t> expectedEntries = e2e::readEntryCounters(original.obj);

  auto instrumented = inxpect::LoadedObject::open(built.instrumented, "");
  instrumented->load(); // through the verifier, or throws with its log
  inxpect::StatsReader stats(instrumented->statsLayout());
  inxpect::Snapshot before = stats.snapshot();
  std::vector<inxpect::PacketOutcome> got = inxpect::runEachPacket(instrumented->programFd(), packets);
  inxpect::Snapshot measured = inxpect::difference(stats.snapshot(), before);

  ASSERT_EQ(got.size(), expected.size());
  size_t differing = 0;
  for (size_t i = 0; i < got.size(); ++i) {
    if (got[i].verdict == expected[i].verdict && got[i].output == expected[i].output)
      continue;
    if (++differing <= 3)
      ADD_FAILURE() << "packet " << i << " (" << packets[i].size() << " bytes): verdict "
                    << got[i].verdict << " instead of " << expected[i].verdict
                    << (got[i].output == expected[i].output ? "" : ", and other output bytes");
  }
  EXPECT_EQ(differing, 0u) << "packets treated differently by the instrumented program";

  // The program's own counters agree between the two builds...
  std::map<std::string, uint64_t> entries = e2e::readEntryCounters(instrumented->object());
  EXPECT_EQ(entries, expectedEntries);
  // ...and every section counted exactly the entries the program counted.
  inxpect::Manifest manifest = inxpect::readManifestFile(built.manifest);
  ASSERT_FALSE(manifest.sections.empty());
  for (const inxpect::Section &s : manifest.sections) {
    auto it = entries.find(s.name);
    ASSERT_NE(it, entries.end()) << "section " << s.name << " has no entered_ counter";
    EXPECT_GT(it->second, 0u) << "the packet mix never enters " << s.name;
    EXPECT_EQ(sectionCount(measured, s.id), it->second) << "section " << s.name;
  }
  EXPECT_EQ(measured.runs, packets.size());
}

std::string caseName(const ::testing::TestParamInfo<Case> &info) {
  return std::string(info.param.program) + "_" + info.param.label;
}

INSTANTIATE_TEST_SUITE_P(PerFunction, SameBehaviour,
                         ::testing::Values(Case{"drop", "all", "--per-function"},
                                           Case{"parser", "all", "--per-function"},
                                           // The entry program is no section here:
                                           // runs must start all the same.
                                           Case{"parser", "parse_and_handle",
                                                "--per-function --functions 'parse_.*|handle_.*'"}),
                         caseName);

} // namespace
