// inxpect-run compare as a CI job runs it, on the paper's case study
// (examples/cms.c, Jenkins against DJB2): the exit status and what the
// output names, never a figure. DJB2 makes the update region cheaper; a
// build compared with itself flags nothing; sections in one build only are
// listed; a difference in behaviour is counted packet by packet; nothing is
// left loaded or locked.
#include <cerrno>
#include <filesystem>
#include <string>

#include <bpf/bpf.h>
#include <gtest/gtest.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "ProgramBuild.h"
#include "RequireRoot.h"
#include "traffic/SyntheticTraffic.h"

namespace {

const std::string kRunner = std::string(E2E_BIN_DIR) + "/inxpect-run";
constexpr unsigned kPackets = 2000;

class CompareCli : public ::testing::Test {
protected:
  void SetUp() override {
    REQUIRE_ROOT_FOR_BPF();
    dir_ = e2e::makeWorkDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    locks_ = dir_ + "/locks";
    std::filesystem::create_directories(locks_);
  }
  // examples/cms.c instrumented in `mode` and built with `defines`.
  std::string cms(const std::string &label, const std::vector<std::string> &mode,
                  const std::vector<std::string> &defines = {}) {
    return e2e::buildSource(E2E_EXAMPLES_DIR "/cms.c", mode, subdir(label), defines).instrumented;
  }
  std::string verdictProgram(const std::string &label, const std::vector<std::string> &defines) {
    return e2e::buildSource(E2E_COMPARE_DIR "/verdict.c", {}, subdir(label), defines).instrumented;
  }
  std::string subdir(const std::string &label) {
    std::filesystem::create_directories(dir_ + "/" + label);
    return dir_ + "/" + label;
  }
  // Runs compare on a and b with `extra`; returns its exit status.
  int compare(const std::string &a, const std::string &b, const std::string &extra,
              std::string &out, unsigned packets = kPackets) {
    return e2e::runCommand("env INXPECT_LOCK_DIR=" + locks_ + " " + kRunner + " compare " + a +
                               " " + b + " --synthetic " + std::to_string(packets) + " " + extra,
                           out);
  }
  nlohmann::json compareJson(const std::string &a, const std::string &b, int expectedStatus,
                             const std::string &extra = "", unsigned packets = kPackets) {
    std::string out;
    int status = compare(a, b, "--format json " + extra, out, packets);
    EXPECT_EQ(status, expectedStatus) << out;
    try {
      return nlohmann::json::parse(out);
    } catch (const nlohmann::json::exception &e) {
      ADD_FAILURE() << e.what() << ": " << out;
      return {};
    }
  }
  // The session's programs are gone and its locks with them.
  void expectNothingLeft(const nlohmann::json &report) {
    for (const char *side : {"a", "b"}) {
      uint32_t id = report[side]["id"];
      ASSERT_GT(id, 0u);
      int fd = bpf_prog_get_fd_by_id(id);
      EXPECT_LT(fd, 0) << side << "'s program " << id << " is still loaded";
      if (fd >= 0)
        ::close(fd);
    }
    EXPECT_TRUE(std::filesystem::is_empty(locks_)) << "a session lock was left in " << locks_;
  }
  const nlohmann::json &section(const nlohmann::json &report, const std::string &name) {
    for (const nlohmann::json &s : report["sections"])
      if (s["name"] == name)
        return s;
    ADD_FAILURE() << "no section " << name << " in " << report.dump();
    static const nlohmann::json none;
    return none;
  }
  std::string dir_, locks_;
};

// DJB2's byte loop makes clang keep the flow key on the stack, and parse
// stores it there (some 40 more instructions in the region, in
// llvm-objdump): parse may be found slower where the clock resolves a few
// nanoseconds, so the gate on the update alone must pass, and in the whole
// comparison nothing but parse may be slower.
TEST_F(CompareCli, DjbMakesTheUpdateFasterAndExitsZero) {
  std::string jenkins = cms("jenkins", {}), djb2 = cms("djb2", {}, {"-DCMS_HASH_DJB2"});
  ASSERT_FALSE(HasFatalFailure());
  nlohmann::json report = compareJson(jenkins, djb2, 0, "--sections update");
  ASSERT_FALSE(HasFailure());
  EXPECT_EQ(report["behaviour"]["same"], true) << report["behaviour"];
  EXPECT_EQ(report["behaviour"]["packets"], kPackets);
  ASSERT_EQ(report["sections"].size(), 1u) << report["sections"];
  const nlohmann::json &update = section(report, "update");
  EXPECT_EQ(update["verdict"], "faster") << update;
  EXPECT_LT(update["ci"][1].get<double>(), -0.05) << update;
  EXPECT_TRUE(report["slower"].empty()) << report["slower"];
  EXPECT_TRUE(report["added"].empty());
  EXPECT_TRUE(report["removed"].empty());
  expectNothingLeft(report);

  std::string out;
  int status = compare(jenkins, djb2, "--format json", out);
  nlohmann::json whole = nlohmann::json::parse(out);
  EXPECT_EQ(section(whole, "update")["verdict"], "faster") << out;
  for (const nlohmann::json &slower : whole["slower"])
    EXPECT_EQ(slower, "parse") << out;
  EXPECT_EQ(status, whole["slower"].empty() ? 0 : 3) << out;
}

TEST_F(CompareCli, JenkinsAfterDjbExitsThreeNamingTheUpdate) {
  std::string jenkins = cms("jenkins", {}), djb2 = cms("djb2", {}, {"-DCMS_HASH_DJB2"});
  ASSERT_FALSE(HasFatalFailure());
  std::string out;
  ASSERT_EQ(compare(djb2, jenkins, "", out), 3) << out;
  // The behaviour first, the outcome last, naming the region.
  EXPECT_EQ(out.find("behaviour: the same"), out.find('\n', out.find("rounds of each build")) + 1)
      << out;
  std::string last = out.substr(out.rfind('\n', out.size() - 2) + 1);
  EXPECT_EQ(last.rfind("SLOWER beyond 5.0%: ", 0), 0u) << out;
  EXPECT_NE(last.find("update +"), std::string::npos) << out;
  nlohmann::json report = compareJson(djb2, jenkins, 3, "");
  ASSERT_FALSE(HasFailure());
  EXPECT_EQ(section(report, "update")["verdict"], "slower");
  EXPECT_NE(std::find(report["slower"].begin(), report["slower"].end(), "update"),
            report["slower"].end()) << report["slower"];
  expectNothingLeft(report);
}

TEST_F(CompareCli, ABuildAgainstItselfFlagsNothing) {
  std::string jenkins = cms("jenkins", {});
  ASSERT_FALSE(HasFatalFailure());
  nlohmann::json report = compareJson(jenkins, jenkins, 0);
  ASSERT_FALSE(HasFailure());
  ASSERT_EQ(report["sections"].size(), 2u) << report["sections"];
  for (const nlohmann::json &s : report["sections"])
    EXPECT_EQ(s["verdict"], "same") << s;
  EXPECT_EQ(report["behaviour"]["same"], true);
  expectNothingLeft(report);
}

// The --per-function build has the functions as sections too: added when it
// is B, removed when it is A; parse and update are matched in both.
TEST_F(CompareCli, SectionsInOneBuildOnlyAreAddedOrRemoved) {
  std::string regions = cms("regions", {}), functions = cms("functions", {"--per-function"});
  ASSERT_FALSE(HasFatalFailure());
  for (bool swapped : {false, true}) {
    std::string out;
    int status = compare(swapped ? functions : regions, swapped ? regions : functions,
                         "--format json --rounds 4", out);
    EXPECT_TRUE(status == 0 || status == 3) << out;
    nlohmann::json report = nlohmann::json::parse(out);
    const nlohmann::json &only = report[swapped ? "removed" : "added"];
    EXPECT_TRUE(report[swapped ? "added" : "removed"].empty()) << out;
    bool entry = false;
    for (const nlohmann::json &s : only)
      entry |= s["name"] == "xdp_cms" && s["kind"] == "function";
    EXPECT_TRUE(entry) << "xdp_cms is not listed: " << only;
    std::vector<std::string> matched;
    for (const nlohmann::json &s : report["sections"])
      matched.push_back(s["name"]);
    EXPECT_EQ(matched, (std::vector<std::string>{"parse", "update"})) << out;
  }
  std::string table;
  compare(regions, functions, "--rounds 2", table);
  EXPECT_NE(table.find("\nonly in B (added): "), std::string::npos) << table;
  EXPECT_NE(table.find("xdp_cms (function)"), std::string::npos) << table;
}

// B drops the UDP packets A passes and lowers the TTL of TCP ones: counted
// packet by packet, and said before the sections.
TEST_F(CompareCli, ABehaviourDifferenceIsReportedFirst) {
  std::string same = verdictProgram("same", {}), changed = verdictProgram("changed", {"-DVERDICT_CHANGED"});
  ASSERT_FALSE(HasFatalFailure());
  // Counted independently, from the packets themselves.
  std::size_t udp = 0, tcp = 0;
  for (const inxpect::Packet &p : inxpect::syntheticTraffic(kPackets).packets)
    if (p.size() >= 34 && p[12] == ETH_P_IP >> 8 && p[13] == (ETH_P_IP & 0xff)) {
      udp += p[23] == IPPROTO_UDP;
      tcp += p[23] == IPPROTO_TCP;
    }
  ASSERT_GT(udp, 0u);
  ASSERT_GT(tcp, 0u);
  nlohmann::json report = compareJson(same, changed, 0, "--rounds 3 --threshold 1000");
  ASSERT_FALSE(HasFailure());
  const nlohmann::json &b = report["behaviour"];
  EXPECT_EQ(b["same"], false);
  EXPECT_EQ(b["other_verdict"], udp);
  EXPECT_EQ(b["other_bytes"], tcp);
  EXPECT_EQ(b["first_difference"]["a"], "XDP_PASS");
  EXPECT_EQ(b["verdicts"]["a"]["XDP_PASS"], 3 * kPackets);
  EXPECT_EQ(b["verdicts"]["b"]["XDP_DROP"], 3 * udp);
  std::string table;
  compare(same, changed, "--rounds 2 --threshold 1000", table);
  std::size_t differs = table.find("behaviour DIFFERS: " + std::to_string(udp) + " of " +
                                   std::to_string(kPackets) + " packets got another verdict, " +
                                   std::to_string(tcp) + " other output bytes");
  EXPECT_NE(differs, std::string::npos) << table;
  EXPECT_LT(differs, table.find("section ")) << table;
  expectNothingLeft(report);
}

// A failure (B has no such program, B is missing) exits 1 and leaves no
// lock; a usage error exits 2 before anything is loaded.
TEST_F(CompareCli, ErrorsExitOneAndUsageErrorsTwo) {
  std::string jenkins = cms("jenkins", {});
  ASSERT_FALSE(HasFatalFailure());
  std::string verdict = verdictProgram("verdict", {});
  std::string out;
  EXPECT_EQ(compare(jenkins, verdict, "--prog xdp_cms 2>&1", out), 1) << out;
  EXPECT_NE(out.find("inxpect-run: error: "), std::string::npos) << out;
  EXPECT_NE(out.find("xdp_cms"), std::string::npos) << out;
  EXPECT_EQ(compare(jenkins, dir_ + "/missing.o", "2>&1", out), 1) << out;
  EXPECT_TRUE(std::filesystem::is_empty(locks_));
  struct Usage {
    const char *args, *message;
  };
  for (const Usage &u : std::initializer_list<Usage>{
           {"compare a.o --synthetic 10", "compare needs two instrumented objects"},
           {"compare a.o b.o c.o --synthetic 10", "compare takes two objects"},
           {"compare a.o b.o", "compare needs packets"},
           {"compare a.o b.o --synthetic 10 --pcap t.pcap", "--pcap and --synthetic are alternatives"},
           {"compare a.o b.o --synthetic 10 --rounds 1", "--rounds must be at least 2"},
           {"compare a.o b.o --synthetic 10 --threshold x", "--threshold expects a percentage"},
           {"compare a.o b.o --synthetic 10 --format csv", "--format expects table, json or markdown"},
           {"compare a.o b.o --synthetic 10 --events a,b", "compare measures one event"},
           {"compare a.o b.o --synthetic 10 --repeat 0", "--repeat must be between"},
           {"compare a.o b.o --synthetic 10 --raw", "unknown option --raw"}}) {
    EXPECT_EQ(e2e::runCommand(kRunner + " " + u.args + " 2>&1", out), 2) << u.args << ": " << out;
    EXPECT_NE(out.find(std::string("inxpect-run: error: ") + u.message), std::string::npos)
        << u.args << ": " << out;
  }
}

// compare --deterministic: the same comparison in a QEMU guest under
// -icount (bench/guest_driver.sh), registered as vm.CompareDeterministic.*
// (test/e2e/CMakeLists.txt). There a cost is instructions, each build's the
// least of its rounds (a timer interrupt the guest takes inside a section
// only adds to a round), so a change is exact and its interval zero wide.
class CompareDeterministic : public CompareCli {
protected:
  static constexpr unsigned kGuestPackets = 250;
  nlohmann::json inGuest(const std::string &a, const std::string &b, int expectedStatus,
                         const std::string &extra = "") {
    return compareJson(a, b, expectedStatus, "--deterministic --rounds 8 " + extra,
                       kGuestPackets);
  }
  static void expectExact(const nlohmann::json &s) {
    EXPECT_EQ(s["ci"][0], s["change"]) << s;
    EXPECT_EQ(s["ci"][1], s["change"]) << s;
  }
};

TEST_F(CompareDeterministic, DjbMakesTheUpdateFasterInInstructions) {
  std::string jenkins = cms("jenkins", {}), djb2 = cms("djb2", {}, {"-DCMS_HASH_DJB2"});
  ASSERT_FALSE(HasFatalFailure());
  nlohmann::json report = inGuest(jenkins, djb2, 0, "--sections update");
  ASSERT_FALSE(HasFailure());
  EXPECT_EQ(report["unit"], "insns");
  EXPECT_NE(report["counter"].get<std::string>().find("-icount"), std::string::npos) << report;
  EXPECT_EQ(report["a"]["object"], jenkins) << report["a"];
  EXPECT_EQ(report["b"]["object"], djb2) << report["b"];
  EXPECT_EQ(report["behaviour"]["same"], true) << report["behaviour"];
  ASSERT_EQ(report["sections"].size(), 1u) << report["sections"];
  const nlohmann::json &update = section(report, "update");
  EXPECT_EQ(update["verdict"], "faster") << update;
  EXPECT_EQ(report["statistic"], "least") << report;
  EXPECT_EQ(update["statistic"], "least") << update; // no nesting: every entry timed
  expectExact(update);
  EXPECT_TRUE(report["slower"].empty()) << report["slower"];
  EXPECT_TRUE(std::filesystem::is_empty(locks_)) << "the host took a session lock";
}

// The costs agree to the instruction; every interval is zero wide.
TEST_F(CompareDeterministic, ABuildAgainstItselfAgreesToTheInstruction) {
  std::string jenkins = cms("jenkins", {});
  ASSERT_FALSE(HasFatalFailure());
  nlohmann::json report = inGuest(jenkins, jenkins, 0);
  ASSERT_FALSE(HasFailure());
  ASSERT_FALSE(report["sections"].empty()) << report;
  for (const nlohmann::json &s : report["sections"]) {
    EXPECT_EQ(s["verdict"], "same") << s;
    EXPECT_EQ(s["a"], s["b"]) << s;
    EXPECT_EQ(s["change"], 0.0) << s;
    expectExact(s);
  }
  EXPECT_TRUE(report["slower"].empty()) << report["slower"];
}

// Swapped, the update is the regression: the guest's exit status 3 comes
// back as it is, with the table on stdout.
TEST_F(CompareDeterministic, JenkinsAfterDjbExitsThree) {
  std::string jenkins = cms("jenkins", {}), djb2 = cms("djb2", {}, {"-DCMS_HASH_DJB2"});
  ASSERT_FALSE(HasFatalFailure());
  std::string out;
  ASSERT_EQ(compare(djb2, jenkins, "--deterministic --rounds 8 --sections update", out,
                    kGuestPackets),
            3) << out;
  EXPECT_NE(out.find("compare: A " + djb2 + " (xdp_cms), B " + jenkins), std::string::npos)
      << out;
  EXPECT_NE(out.find("clock (insns)"), std::string::npos) << out;
  std::string last = out.substr(out.rfind('\n', out.size() - 2) + 1);
  EXPECT_EQ(last.rfind("SLOWER beyond 5.0%: update +", 0), 0u) << out;
}

// An installed inxpect-run (cmake --install) boots the guest with the
// pieces installed beside it (PREFIX/share/inxpect/guest), not the source
// tree's; the kernel cache is the build's, as the other VM tests fill it.
TEST_F(CompareDeterministic, TheInstalledToolRunsTheGuestItself) {
  std::string jenkins = cms("jenkins", {});
  ASSERT_FALSE(HasFatalFailure());
  std::string prefix = dir_ + "/prefix", out;
  ASSERT_EQ(e2e::runCommand("cmake --install " E2E_BUILD_DIR " --prefix " + prefix + " 2>&1", out),
            0) << out;
  int status = e2e::runCommand(
      "env -u INXPECT_GUEST_DRIVER INXPECT_VM_CACHE=" E2E_BUILD_DIR "/vm-cache INXPECT_LOCK_DIR=" +
          locks_ + " " + prefix + "/bin/inxpect-run compare " + jenkins + " " + jenkins +
          " --synthetic 100 --rounds 2 --sections update --deterministic --format json",
      out);
  ASSERT_EQ(status, 0) << out;
  nlohmann::json report = nlohmann::json::parse(out);
  EXPECT_EQ(report["unit"], "insns") << report;
  EXPECT_EQ(section(report, "update")["change"], 0.0) << report;
}

// A guest that runs out of time says what to do about it and keeps its
// files for a look, exit status 1 and no output.
TEST_F(CompareDeterministic, AGuestOutOfTimeSaysWhatToDo) {
  std::string jenkins = cms("jenkins", {});
  ASSERT_FALSE(HasFatalFailure());
  std::string out, output = dir_ + "/out.json";
  EXPECT_EQ(e2e::runCommand("env INXPECT_GUEST_TIMEOUT=2 " + kRunner + " compare " + jenkins + " " +
                                jenkins + " --synthetic 100 --deterministic --output " + output +
                                " 2>&1",
                            out),
            1) << out;
  EXPECT_NE(out.find("the guest did not finish within 2 s: give it fewer packets, --repeat or "
                     "--rounds"),
            std::string::npos) << out;
  EXPECT_FALSE(std::filesystem::exists(output));
  std::string kept = "its files are in ";
  std::size_t at = out.find(kept);
  ASSERT_NE(at, std::string::npos) << out;
  std::string staging = out.substr(at + kept.size(), out.find('\n', at) - at - kept.size());
  EXPECT_TRUE(std::filesystem::exists(staging + "/guest/console.txt")) << staging;
  std::filesystem::remove_all(staging);
}

// Without the guest's pieces: a clear error, exit status 1, no output.
TEST_F(CompareDeterministic, NoGuestDriverIsAnError) {
  std::string jenkins = cms("jenkins", {});
  ASSERT_FALSE(HasFatalFailure());
  std::string out, output = dir_ + "/out.json";
  EXPECT_EQ(e2e::runCommand("env INXPECT_GUEST_DRIVER=/nonexistent/guest_driver.sh " + kRunner +
                                " compare " + jenkins + " " + jenkins +
                                " --synthetic 10 --deterministic --output " + output + " 2>&1",
                            out),
            1) << out;
  EXPECT_NE(out.find("inxpect-run: error: --deterministic needs /nonexistent/guest_driver.sh"),
            std::string::npos) << out;
  EXPECT_FALSE(std::filesystem::exists(output));
}

} // namespace
