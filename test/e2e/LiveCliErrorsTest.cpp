// The errors a user of run and attach meets first: each exits non-zero with
// a sentence that says what to do.
#include <string>

#include <gtest/gtest.h>

#include "ProgramBuild.h"
#include "RequireRoot.h"

namespace {

struct Outcome {
  int status;
  std::string output;
};

Outcome inxpectRun(const std::string &args) {
  Outcome o;
  o.status = e2e::runCommand(std::string(E2E_BIN_DIR) + "/inxpect-run " + args + " 2>&1", o.output);
  return o;
}

// These need no privileges: they fail before anything is loaded.
TEST(LiveCliErrors, BadArgumentsExitWithStatus2AndSayWhatToDo) {
  Outcome o = inxpectRun("run x.o");
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.output.find("--dev IFACE"), std::string::npos) << o.output;
  o = inxpectRun("run x.o --dev lo --xdp-mode fast");
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.output.find("native or generic"), std::string::npos) << o.output;
  o = inxpectRun("attach");
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.output.find("--prog-id ID, --prog-name NAME or --pinned PATH"), std::string::npos)
      << o.output;
  o = inxpectRun("attach --prog-id 1 --pinned /sys/fs/bpf/x");
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.output.find("only one of"), std::string::npos) << o.output;
  o = inxpectRun("attach --prog-id 3 --prometheus 9000");
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.output.find("ADDR:PORT"), std::string::npos) << o.output;
  o = inxpectRun("run x.o --dev lo --sample cycles=16 --events clock");
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.output.find("add it to --events"), std::string::npos) << o.output;
}

TEST(LiveCliErrors, MissingObjectAndMissingInterface) {
  Outcome o = inxpectRun("run /nonexistent/xdp.o --dev lo");
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.output.find("give the path of a BPF object"), std::string::npos) << o.output;
}

TEST(LiveCliErrors, ProgramsThatDoNotExist) {
  REQUIRE_ROOT_FOR_BPF();
  Outcome o = inxpectRun("attach --prog-id 4000000000");
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.output.find("no BPF program has id 4000000000"), std::string::npos) << o.output;
  o = inxpectRun("attach --prog-name no_such_prog_x");
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.output.find("bpftool prog list"), std::string::npos) << o.output;
  o = inxpectRun("attach --pinned /sys/fs/bpf/inxpect-no-such-pin");
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.output.find("nothing is pinned at"), std::string::npos) << o.output;
}

TEST(LiveCliErrors, InterfaceNotFound) {
  REQUIRE_ROOT_FOR_BPF();
  std::string dir = e2e::makeWorkDir("InterfaceNotFound");
  e2e::BuiltProgram built = e2e::buildProgram("drop", {"--per-function"}, dir);
  ASSERT_FALSE(HasFatalFailure());
  Outcome o = inxpectRun("run " + built.instrumented + " --dev inxpect-none0");
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.output.find("interface inxpect-none0 not found: ip -br link"), std::string::npos)
      << o.output;
  o = inxpectRun("run " + built.instrumented + " --dev lo --sections nope --duration 1");
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.output.find("its sections are xdp_drop"), std::string::npos) << o.output;
}

TEST(LiveCliErrors, PerCpuNeedsALayoutThatKeepsCpusApart) {
  REQUIRE_ROOT_FOR_BPF();
  std::string dir = e2e::makeWorkDir("PerCpuGlobal");
  e2e::BuiltProgram built = e2e::buildProgram("drop", {"--per-function"}, dir,
                                              {"-DINXPECT_STATS_LAYOUT=INXPECT_STATS_GLOBAL"});
  ASSERT_FALSE(HasFatalFailure());
  Outcome o = inxpectRun("run " + built.instrumented + " --dev lo --per-cpu --duration 1");
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.output.find("global stats layout"), std::string::npos) << o.output;
  EXPECT_NE(o.output.find("leave --per-cpu out"), std::string::npos) << o.output;
}

} // namespace
