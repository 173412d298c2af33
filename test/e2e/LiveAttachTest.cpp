// inxpect-run attach to a program another loader loaded: here this test,
// through libbpf, attached by netlink as `ip link set dev D xdp obj` does,
// with its tail-call slot filled. Section counts must equal the entries the
// program counted itself (programs/e2e_count.h) while the runner profiled.
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <gtest/gtest.h>
#include <linux/if_link.h>
#include <net/if.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "LiveFixture.h"
#include "OtherLoader.h"
#include "ProgramCounters.h"
#include "RequireRoot.h"
#include "Subprocess.h"
#include "VethPair.h"

namespace {

const std::vector<std::string> kSections = {"classify", "count_echo", "tail_work", "xdp_tail"};

std::map<std::string, uint64_t> sectionCounts(const nlohmann::json &report) {
  std::map<std::string, uint64_t> counts;
  for (const auto &s : report["sections"])
    counts[s["name"]] = s["count"];
  return counts;
}

class LiveAttach : public e2e::LiveProgramTest {
protected:
  // Profiles for 2 s while `pings` echo requests arrive; returns the final report.
  nlohmann::json profile(const e2e::VethPair &veth, const std::string &how, unsigned pings) {
    e2e::Subprocess runner(std::string(E2E_BIN_DIR) + "/inxpect-run attach " + how +
                               " --duration 2 --interval 0.5 --format json",
                           dir_ + "/out", dir_ + "/err");
    EXPECT_TRUE(runner.waitForStderr("profiling ", 10)) << runner.stderrText();
    veth.ping(pings);
    EXPECT_EQ(runner.wait(10), 0) << runner.stderrText();
    return e2e::lastJsonLine(runner.stdoutText());
  }
};

TEST_F(LiveAttach, ByIdCountsEqualTheProgramsOwnCountersThroughATailCall) {
  e2e::VethPair veth("atid");
  ASSERT_FALSE(HasFatalFailure());
  e2e::OtherLoader loader(built_.instrumented, veth.hostDevice());
  ASSERT_FALSE(HasFatalFailure());
  veth.ping(2); // traffic before profiling starts: not in the profile
  auto before = loader.counters();
  nlohmann::json report = profile(veth, "--prog-id " + std::to_string(loader.programId()), 6);
  auto after = loader.counters();
  EXPECT_EQ(report["program_id"], loader.programId());
  EXPECT_EQ(report["runs"], after["xdp_live"] - before["xdp_live"])
      << "one run a packet: the tail-called program goes on with it";
  auto counts = sectionCounts(report);
  for (const std::string &name : kSections)
    EXPECT_EQ(counts[name], after[name] - before[name]) << name;
  EXPECT_EQ(counts["count_echo"], 6u);
  EXPECT_EQ(counts["xdp_tail"], 6u) << "the tail-called program's sections are counted";
  EXPECT_EQ(counts["tail_work"], 6u);
}

TEST_F(LiveAttach, ByNameAndByPinWithSectionsSwitchedAtRunTime) {
  e2e::VethPair veth("atnm");
  ASSERT_FALSE(HasFatalFailure());
  e2e::OtherLoader loader(built_.instrumented, veth.hostDevice());
  ASSERT_FALSE(HasFatalFailure());
  auto counts = sectionCounts(profile(veth, "--prog-name xdp_live --sections count_echo,tail_work", 3));
  EXPECT_EQ(counts["count_echo"], 3u);
  EXPECT_EQ(counts["tail_work"], 3u);
  EXPECT_EQ(counts["classify"], 0u) << "switched off";
  EXPECT_EQ(counts["xdp_tail"], 0u) << "switched off";

  // The switches are put back on exit: a second profile sees every section.
  // The pin goes into a BPF filesystem of the test's own (the host's
  // /sys/fs/bpf may not be mounted, and is not the test's to fill).
  std::string bpffs = e2e::makeWorkDir("AttachPin") + "/bpffs", out;
  ASSERT_EQ(e2e::runCommand("mkdir -p " + bpffs + " && mount -t bpf bpf " + bpffs + " 2>&1", out), 0)
      << out;
  struct Unmount {
    std::string dir;
    ~Unmount() {
      std::string ignored;
      e2e::runCommand("umount " + dir + " 2>&1", ignored);
    }
  } unmount{bpffs};
  std::string pin = bpffs + "/xdp_live";
  ASSERT_EQ(bpf_program__pin(bpf_object__find_program_by_name(loader.object(), "xdp_live"),
                             pin.c_str()),
            0);
  auto before = loader.counters();
  counts = sectionCounts(profile(veth, "--pinned " + pin, 2));
  auto after = loader.counters();
  unlink(pin.c_str());
  for (const std::string &name : kSections)
    EXPECT_EQ(counts[name], after[name] - before[name]) << name;
  for (const std::string &name : kSections)
    EXPECT_EQ(counts[name], 2u) << name;
}

// Folded stacks from a live profile: written once, at the end (the
// intervals would repeat them), each a stack of the program's run-time
// nesting. xdp_live is no section: classify and count_echo are outermost,
// and the tail-called xdp_tail holds tail_work.
TEST_F(LiveAttach, FoldedStacksAreWrittenOnceAtTheEnd) {
  e2e::VethPair veth("atfd");
  ASSERT_FALSE(HasFatalFailure());
  e2e::OtherLoader loader(built_.instrumented, veth.hostDevice());
  ASSERT_FALSE(HasFatalFailure());
  e2e::Subprocess session(runner() + " attach --prog-id " + std::to_string(loader.programId()) +
                             " --duration 3 --interval 0.5 --format folded",
                         dir_ + "/out", dir_ + "/err");
  ASSERT_TRUE(session.waitForStderr("profiling ", 10)) << session.stderrText();
  veth.ping(40);
  ASSERT_EQ(session.wait(10), 0) << session.stderrText();
  const std::set<std::string> possible = {"classify", "count_echo", "xdp_tail", "xdp_tail;tail_work"};
  std::istringstream lines(session.stdoutText());
  std::set<std::string> seen;
  const std::regex folded("([^ ]+) ([0-9]+)");
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(line, m, folded)) << "not a folded line: " << line;
    EXPECT_TRUE(possible.count(m[1])) << "a stack the program cannot have: " << line;
    EXPECT_TRUE(seen.insert(m[1]).second) << "written more than once: " << line;
  }
  EXPECT_FALSE(seen.empty()) << "40 packets through 4 sections cost nothing?";
}

TEST_F(LiveAttach, AProgramThatWasNotInstrumentedIsNamedClearly) {
  e2e::VethPair veth("atno");
  ASSERT_FALSE(HasFatalFailure());
  e2e::OtherLoader loader(built_.original, veth.hostDevice());
  ASSERT_FALSE(HasFatalFailure());
  std::string out;
  int status = e2e::runCommand(std::string(E2E_BIN_DIR) + "/inxpect-run attach --prog-id " +
                                   std::to_string(loader.programId()) + " --duration 1 2>&1",
                               out);
  EXPECT_EQ(status, 1) << out;
  EXPECT_NE(out.find("is not instrumented"), std::string::npos) << out;
  EXPECT_NE(out.find("inxpect-instrument"), std::string::npos) << out;
}

} // namespace
