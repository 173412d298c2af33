// Errors a user meets when inxpect-run loads an object: a verifier limit,
// a program name the object has not, a legacy section name, a file that is
// no object, not being root. Each exits 1 with a
// sentence that says what to do.
#include <string>

#include <gtest/gtest.h>

#include "ProgramBuild.h"
#include "RequireRoot.h"

namespace {

struct Outcome {
  int status;
  std::string output;
};

Outcome inxpectRun(const std::string &args, const std::string &prefix = "") {
  Outcome o;
  o.status = e2e::runCommand(prefix + std::string(E2E_BIN_DIR) + "/inxpect-run " + args + " 2>&1",
                             o.output);
  return o;
}

// The last line: the error, after the verifier log libbpf printed.
std::string lastLine(const std::string &text) {
  std::size_t end = text.find_last_not_of('\n');
  std::size_t begin = text.rfind('\n', end);
  return text.substr(begin == std::string::npos ? 0 : begin + 1, end + 1);
}

TEST(LoadErrors, AVerifierLimitIsNamedWithTheLastSourceLine) {
  REQUIRE_ROOT_FOR_BPF();
  std::string dir = e2e::makeWorkDir("VerifierLimit");
  e2e::BuiltProgram built = e2e::buildProgram("too_complex", {"--per-function"}, dir);
  ASSERT_FALSE(HasFatalFailure());
  Outcome o = inxpectRun("replay " + built.instrumented + " --synthetic 1");
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.output.find("The sequence of 8193 jumps is too complex"), std::string::npos)
      << "the verifier's log is shown too";
  std::string error = lastLine(o.output);
  EXPECT_NE(error.find("inxpect-run: error: the verifier rejected a program in " +
                       built.instrumented + ": the verifier gave up on 8193 pending branches"),
            std::string::npos)
      << error;
  // programs/too_complex.c line 19 holds the branch.
  EXPECT_NE(error.find("(last at too_complex.inxpect.c:19)"), std::string::npos) << error;
}

// programs/over_budget.c: the original loads; --per-function is over the
// verifier's budget. --explain-verifier names the sections that cost the
// verifier most and a --functions that leaves them out, and that build loads.
TEST(LoadErrors, OverTheVerifiersBudgetNamesTheCostliestSectionsAndWhatFits) {
  REQUIRE_ROOT_FOR_BPF();
  std::string dir = e2e::makeWorkDir("OverBudget");
  e2e::BuiltProgram built = e2e::buildProgram("over_budget", {"--per-function"}, dir);
  ASSERT_FALSE(HasFatalFailure());
  std::string out;
  ASSERT_EQ(e2e::runCommand(std::string(E2E_BIN_DIR) + "/inxpect-verifier-cost " +
                                built.original + " 2>&1",
                            out),
            0)
      << "the original fits: " << out;

  Outcome o = inxpectRun("replay " + built.instrumented + " --synthetic 1 --manifest " +
                         built.manifest + " --explain-verifier");
  EXPECT_EQ(o.status, 1);
  std::size_t error = o.output.find("inxpect-run: error: the verifier rejected a program in ");
  ASSERT_NE(error, std::string::npos) << o.output.substr(o.output.size() - 2000);
  std::string report = o.output.substr(error);
  EXPECT_NE(report.find("over the verifier's budget of 1000000 processed instructions"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("the verifier's instructions by section ("),
            std::string::npos)
      << report;
  // Every function is walked once a path; the helpers inlined most often cost most.
  EXPECT_NE(report.find("rotl (function)"), std::string::npos) << report;
  std::size_t at = report.find("--functions '");
  ASSERT_NE(at, std::string::npos) << report;
  at += std::string("--functions '").size();
  std::string functions = report.substr(at, report.find('\'', at) - at);
  EXPECT_EQ(functions.find("rotl"), std::string::npos) << "the costliest is left out: " << report;

  // What it suggests loads.
  std::string fitDir = e2e::makeWorkDir("OverBudgetFits");
  e2e::BuiltProgram fits =
      e2e::buildProgram("over_budget", {"--per-function", "--functions", "'" + functions + "'"}, fitDir);
  ASSERT_FALSE(HasFatalFailure());
  Outcome replay = inxpectRun("replay " + fits.instrumented + " --synthetic 4 --format json");
  EXPECT_EQ(replay.status, 0) << replay.output.substr(replay.output.size() - 2000);
}

TEST(LoadErrors, AProgramNameTheObjectHasNotListsItsPrograms) {
  REQUIRE_ROOT_FOR_BPF();
  std::string dir = e2e::makeWorkDir("ProgNotFound");
  e2e::BuiltProgram built = e2e::buildProgram("drop", {"--per-function"}, dir);
  ASSERT_FALSE(HasFatalFailure());
  Outcome o = inxpectRun("replay " + built.instrumented + " --prog xdp_nope --synthetic 1");
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.output.find("has no XDP program named \"xdp_nope\": its XDP programs are xdp_drop"),
            std::string::npos)
      << o.output;
}

TEST(LoadErrors, ALegacySectionNameSaysToRenameIt) {
  REQUIRE_ROOT_FOR_BPF();
  std::string dir = e2e::makeWorkDir("LegacySection");
  e2e::BuiltProgram built = e2e::buildProgram("legacy_section", {"--per-function"}, dir);
  ASSERT_FALSE(HasFatalFailure());
  Outcome o = inxpectRun("replay " + built.instrumented + " --synthetic 1");
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.output.find("has no XDP program libbpf recognises: xdp_legacy in SEC(\"xdp_sock\")"),
            std::string::npos)
      << o.output;
  EXPECT_NE(o.output.find("rename the section SEC(\"xdp\")"), std::string::npos) << o.output;
}

TEST(LoadErrors, AFileThatIsNoObjectGivesLibbpfsReason) {
  std::string dir = e2e::makeWorkDir("NoObject");
  std::string out;
  ASSERT_EQ(e2e::runCommand("echo not-an-elf > " + dir + "/text.o", out), 0) << out;
  Outcome o = inxpectRun("replay " + dir + "/text.o --synthetic 1");
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.output.find("is not a BPF object libbpf can open (libbpf: elf: "), std::string::npos)
      << o.output;
  EXPECT_NE(o.output.find("is not a proper ELF object"), std::string::npos) << o.output;
}

TEST(LoadErrors, NotRootSaysToRunAsRoot) {
  REQUIRE_ROOT_FOR_BPF();
  std::string dir = e2e::makeWorkDir("NotRoot");
  e2e::BuiltProgram built = e2e::buildProgram("drop", {"--per-function"}, dir);
  ASSERT_FALSE(HasFatalFailure());
  std::string out;
  ASSERT_EQ(e2e::runCommand("chmod -R a+rX " + dir, out), 0) << out;
  // nobody, with no capabilities: what a user who forgot sudo is.
  const std::string nobody = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  Outcome o = inxpectRun("replay " + built.instrumented + " --synthetic 1", nobody);
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.output.find("permission denied: run as root"), std::string::npos) << o.output;
  o = inxpectRun("attach --prog-id 1", nobody);
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.output.find("run as root"), std::string::npos) << o.output;
}

} // namespace
