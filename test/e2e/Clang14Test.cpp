// Debian 12's `clang` is clang 14: the examples, instrumented in every mode
// and built with it, load and treat packets as their clang 14 originals do;
// an object clang 14 builds wrong (a constant in .rodata.cst32 that its
// BTF places in .rodata) gets an error that names the constant, the
// section and the clang to use.
#include <string>
#include <vector>

#include <bpf/libbpf.h>
#include <gtest/gtest.h>

#include "object/LoadedObject.h"
#include "OriginalProgram.h"
#include "PacketMix.h"
#include "ProgramBuild.h"
#include "RequireRoot.h"
#include "traffic/Replay.h"

namespace {

const std::string kClang14 = E2E_CLANG14;

struct Example {
  const char *name;
  const char *entry;
};

struct Case {
  Example example;
  const char *label;
  std::vector<std::string> flags; // inxpect-instrument's
};
void PrintTo(const Case &c, std::ostream *os) { *os << c.example.name << " " << c.label; }

class Clang14 : public ::testing::TestWithParam<Case> {};

TEST_P(Clang14, ExampleLoadsAndBehavesAsItsOriginal) {
  REQUIRE_ROOT_FOR_BPF();
  const Case &c = GetParam();
  std::string dir = e2e::makeWorkDir(std::string("clang14-") + c.example.name + "-" + c.label);
  e2e::BuiltProgram built = e2e::buildSource(std::string(E2E_EXAMPLES_DIR) + "/" + c.example.name + ".c",
                                             c.flags, dir, {}, kClang14);
  ASSERT_FALSE(HasFatalFailure());
  const std::vector<inxpect::Packet> packets = e2e::packetMix();

  e2e::OriginalProgram original;
  e2e::loadOriginal(built.original, c.example.entry, original);
  ASSERT_FALSE(HasFatalFailure());
  std::vector<inxpect::PacketOutcome> expected = inxpect::runEachPacket(original.fd, packets);
  auto instrumented = inxpect::LoadedObject::open(built.instrumented, c.example.entry);
  instrumented->load(); // throws with libbpf's reason or the verifier's log
  std::vector<inxpect::PacketOutcome> got = inxpect::runEachPacket(instrumented->programFd(), packets);

  ASSERT_EQ(got.size(), packets.size());
  ASSERT_EQ(expected.size(), packets.size());
  std::size_t differing = 0;
  for (std::size_t i = 0; i < got.size(); ++i)
    differing += got[i].verdict != expected[i].verdict || got[i].output != expected[i].output;
  EXPECT_EQ(differing, 0u) << "packets treated differently by the instrumented program";
}

std::vector<Case> everyExampleAndMode() {
  const Example examples[] = {{"drop", "xdp_drop"}, {"cms", "xdp_cms"}, {"nat", "xdp_nat"},
                              {"router", "xdp_router"}, {"tunnel", "xdp_tunnel"}};
  std::vector<Case> cases;
  for (const Example &e : examples) {
    // drop has neither annotations nor loops: no sections in those modes.
    if (std::string(e.name) != "drop") {
      cases.push_back({e, "annotations", {}});
      cases.push_back({e, "per_loop", {"--per-loop"}});
    }
    cases.push_back({e, "per_function", {"--per-function"}});
    cases.push_back({e, "both", {"--per-function", "--per-loop"}});
  }
  return cases;
}

INSTANTIATE_TEST_SUITE_P(Examples, Clang14, ::testing::ValuesIn(everyExampleAndMode()),
                         [](const ::testing::TestParamInfo<Case> &info) {
                           return std::string(info.param.example.name) + "_" + info.param.label;
                         });

TEST(Clang14Errors, AConstantItsBtfMisplacesIsNamed) {
  std::string dir = e2e::makeWorkDir("clang14-const-table");
  e2e::BuiltProgram built = e2e::buildProgram("const_table", {"--per-function"}, dir, {}, kClang14);
  ASSERT_FALSE(HasFatalFailure());
  std::string output;
  int status = e2e::runCommand(std::string(E2E_BIN_DIR) + "/inxpect-run replay " + built.instrumented +
                                   " --synthetic 1 2>&1",
                               output);
  EXPECT_EQ(status, 1);
  // libbpf 1.1 says why at its debug level only; the runner repeats it...
  EXPECT_NE(output.find("(libbpf: sec '.rodata': failed to determine size from ELF"), std::string::npos)
      << output;
  // ...and says what it means and what to do.
  EXPECT_NE(output.find("its BTF puts the constant 'weights' in .rodata, where the ELF has it in "
                        ".rodata.cst32"),
            std::string::npos)
      << output;
  EXPECT_NE(output.find("(this object: Debian clang version 14"), std::string::npos) << output;
  EXPECT_NE(output.find("build it with clang-19"), std::string::npos) << output;
}

TEST(Clang14Errors, TheSameProgramBuiltByClang19Runs) {
  REQUIRE_ROOT_FOR_BPF();
  std::string dir = e2e::makeWorkDir("clang19-const-table");
  e2e::BuiltProgram built = e2e::buildProgram("const_table", {"--per-function"}, dir);
  ASSERT_FALSE(HasFatalFailure());
  std::string output;
  int status = e2e::runCommand(std::string(E2E_BIN_DIR) + "/inxpect-run replay " + built.instrumented +
                                   " --manifest " + built.manifest + " --synthetic 10 2>&1",
                               output);
  EXPECT_EQ(status, 0) << output;
  EXPECT_NE(output.find("XDP_TX 10"), std::string::npos) << output;
}

} // namespace
