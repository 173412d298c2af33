// inxpect-run replay as a user runs it: a capture replayed through an
// instrumented program, the counts read from its JSON and table output.
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pcap/pcap.h>

#include "ProgramBuild.h"
#include "RequireRoot.h"
#include "traffic/SyntheticTraffic.h"

namespace {

void writePcap(const std::string &path, size_t packets) {
  pcap_t *dead = pcap_open_dead(DLT_EN10MB, 65535);
  pcap_dumper_t *dump = pcap_dump_open(dead, path.c_str());
  ASSERT_TRUE(dump) << pcap_geterr(dead);
  for (const inxpect::Packet &p : inxpect::syntheticTraffic(packets).packets) {
    pcap_pkthdr h{};
    h.caplen = h.len = static_cast<bpf_u_int32>(p.size());
    pcap_dump(reinterpret_cast<u_char *>(dump), &h, p.data());
  }
  pcap_dump_close(dump);
  pcap_close(dead);
}

class ReplayCli : public ::testing::Test {
protected:
  void SetUp() override {
    REQUIRE_ROOT_FOR_BPF();
    dir_ = e2e::makeWorkDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    built_ = e2e::buildProgram("parser", {"--per-function"}, dir_);
    ASSERT_FALSE(HasFatalFailure());
    pcap_ = dir_ + "/189.pcap";
    writePcap(pcap_, 189);
  }
  std::string replay(const std::string &extra) {
    return std::string(E2E_BIN_DIR) + "/inxpect-run replay " + built_.instrumented +
           " --manifest " + built_.manifest + " --pcap " + pcap_ + " " + extra;
  }
  std::string dir_, pcap_;
  e2e::BuiltProgram built_;
};

TEST_F(ReplayCli, TheProbesCostIsMeasuredForEachEvent) {
  std::string out;
  ASSERT_EQ(e2e::runCommand(replay("--format json"), out), 0) << out;
  auto cost = nlohmann::json::parse(out)["probe_cost"];
  ASSERT_TRUE(cost.contains("clock")) << cost.dump();
  EXPECT_EQ(cost["clock"]["unit"], "ns");
  EXPECT_GT(cost["clock"]["rounds"].get<unsigned>(), 1u);
  // Relations only, never a time: a section entered inside a timed one
  // takes the untimed path (no counter read), less than a section's own
  // reading holds (one read).
  double own = cost["clock"]["own"]["mean"], nested = cost["clock"]["nested"]["mean"];
  EXPECT_GT(own, 0);
  EXPECT_GT(nested, 0);
  EXPECT_LT(nested, own);
  EXPECT_GE(cost["clock"]["own"]["spread"].get<double>(), 0);
  ASSERT_EQ(e2e::runCommand(replay("2>&1"), out), 0) << out;
  EXPECT_NE(out.find("probe cost (clock): "), std::string::npos) << out;
}

// Every section entered has a distribution, its percentiles in order and
// none below 0; one never entered has none.
TEST_F(ReplayCli, PercentilesComeInOrder) {
  std::string out;
  ASSERT_EQ(e2e::runCommand(replay("--format json"), out), 0) << out;
  unsigned entered = 0;
  const nlohmann::json report = nlohmann::json::parse(out);
  for (const auto &s : report["sections"]) {
    const auto &clock = s["events"]["clock"];
    if (clock["count"] == 0) {
      EXPECT_TRUE(clock["p50"].is_null()) << s["name"];
      continue;
    }
    ++entered;
    double p50 = clock["p50"], p90 = clock["p90"], p99 = clock["p99"], max = clock["max"];
    EXPECT_GE(p50, 0) << s["name"];
    EXPECT_LE(p50, p90) << s["name"];
    EXPECT_LE(p90, p99) << s["name"];
    EXPECT_LE(p99, max) << s["name"];
  }
  EXPECT_GT(entered, 5u);
}

TEST_F(ReplayCli, PcapOf189PacketsThreeTimesCounts567) {
  std::string out;
  ASSERT_EQ(e2e::runCommand(replay("--repeat 3 --format json"), out), 0) << out;
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["type"], "final");
  EXPECT_EQ(j["runs"], 567);
  bool sawEntry = false;
  for (const auto &s : j["sections"]) {
    ASSERT_TRUE(s.contains("name") && s.contains("kind") && s.contains("count")) << s.dump();
    if (s["name"] == "xdp_parser" || s["name"] == "parse_eth") {
      EXPECT_EQ(s["count"], 567) << s["name"];
      sawEntry |= s["name"] == "xdp_parser";
    }
  }
  EXPECT_TRUE(sawEntry);
}

// --sample N measures every Nth run exactly (a countdown, not a coin), and
// all sections of a measured run together: the entry counts runs / N.
TEST_F(ReplayCli, SamplingMeasuresEveryNthRun) {
  std::string out;
  ASSERT_EQ(e2e::runCommand(replay("--repeat 4 --sample 4 --format json"), out), 0) << out;
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["runs"], 189 * 4);
  EXPECT_EQ(j["events"][0]["sample_every"], 4);
  for (const auto &s : j["sections"])
    if (s["name"] == "xdp_parser" || s["name"] == "parse_eth") {
      EXPECT_EQ(s["count"], 189) << s["name"];
    }
}

TEST_F(ReplayCli, TableNamesSectionsAndTheCounterSource) {
  std::string out;
  ASSERT_EQ(e2e::runCommand(replay("2>&1"), out), 0) << out;
  EXPECT_NE(out.find("counter: "), std::string::npos) << out;
  EXPECT_NE(out.find("xdp_parser"), std::string::npos) << out;
  EXPECT_NE(out.find("runs: 189"), std::string::npos) << out;
}

// The original tool's two layouts, chosen at build time, count the same.
TEST_F(ReplayCli, EveryStatsLayoutCountsTheSame) {
  for (const char *layout : {"INXPECT_STATS_GLOBAL", "INXPECT_STATS_PERCPU_MAP"}) {
    e2e::BuiltProgram other = e2e::buildProgram("parser", {"--per-function"}, dir_,
                                                {std::string("-DINXPECT_STATS_LAYOUT=") + layout});
    ASSERT_FALSE(HasFatalFailure());
    std::string out;
    ASSERT_EQ(e2e::runCommand(std::string(E2E_BIN_DIR) + "/inxpect-run replay " +
                                  other.instrumented + " --pcap " + pcap_ +
                                  " --repeat 3 --format json",
                              out),
              0)
        << out;
    auto j = nlohmann::json::parse(out);
    EXPECT_EQ(j["runs"], 567) << layout;
    EXPECT_EQ(j["stats_layout"], layout == std::string("INXPECT_STATS_GLOBAL") ? "global" : "percpu-map");
    for (const auto &s : j["sections"])
      if (s["name"] == "xdp_parser" || s["name"] == "parse_eth") {
        EXPECT_EQ(s["count"], 567) << layout << " " << s["name"];
        EXPECT_TRUE(s["events"]["clock"]["p50"].is_number()) << layout << ": no histogram";
      }
  }
}

// -DINXPECT_RUN_STATE_INLINE (for kernels that cannot mix subprograms and
// tail calls) looks the run state up in every function instead of calling
// the shared subprogram: the figures must not change.
TEST_F(ReplayCli, RunStateLookedUpInlineCountsTheSame) {
  // Its own directory: the build names its objects after the program.
  e2e::BuiltProgram inlined = e2e::buildProgram("parser", {"--per-function"},
                                                e2e::makeWorkDir("RunStateInline"),
                                                {"-DINXPECT_RUN_STATE_INLINE"});
  ASSERT_FALSE(HasFatalFailure());
  // The option took effect: only the default build has the subprogram.
  std::string clang = E2E_CLANG, symbols;
  std::string nm = clang.substr(0, clang.rfind('/') + 1) + "llvm-nm ";
  ASSERT_EQ(e2e::runCommand(nm + built_.instrumented, symbols), 0) << symbols;
  EXPECT_NE(symbols.find(" t inxpect_run_state"), std::string::npos) << symbols;
  ASSERT_EQ(e2e::runCommand(nm + inlined.instrumented, symbols), 0) << symbols;
  EXPECT_EQ(symbols.find("inxpect_run_state"), std::string::npos) << symbols;

  std::string out;
  ASSERT_EQ(e2e::runCommand(std::string(E2E_BIN_DIR) + "/inxpect-run replay " + inlined.instrumented +
                                " --pcap " + pcap_ + " --repeat 3 --format json",
                            out),
            0)
      << out;
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["runs"], 567);
  for (const auto &s : j["sections"])
    if (s["name"] == "xdp_parser" || s["name"] == "parse_eth") {
      EXPECT_EQ(s["count"], 567) << s["name"];
    }
}

TEST_F(ReplayCli, ManifestOfAnotherRewriteIsRefused) {
  e2e::BuiltProgram other = e2e::buildProgram("drop", {"--per-function"}, dir_);
  ASSERT_FALSE(HasFatalFailure());
  std::string out;
  std::string command = std::string(E2E_BIN_DIR) + "/inxpect-run replay " + built_.instrumented +
                        " --manifest " + other.manifest + " --synthetic 10 2>&1";
  EXPECT_NE(e2e::runCommand(command, out), 0);
  EXPECT_NE(out.find("do not match"), std::string::npos) << out;
}

// A program without a license has probes that read the clock only: the
// counter line says why, from the table the object embeds, and --precise
// and module events are refused with the reason and the fix.
TEST_F(ReplayCli, ClockOnlyProbesSayTheLicenseIsWhy) {
  e2e::BuiltProgram unlicensed = e2e::buildProgram("unlicensed", {"--per-function"}, dir_);
  ASSERT_FALSE(HasFatalFailure());
  std::string replay = std::string(E2E_BIN_DIR) + "/inxpect-run replay " + unlicensed.instrumented +
                       " --synthetic 50 ";
  std::string out;
  ASSERT_EQ(e2e::runCommand(replay + "2>&1", out), 0) << out;
  EXPECT_NE(out.find("counter: clock (bpf_ktime_get_ns, ns): the program reads the clock only, "
                     "because the program has no license and the kernel lets such a program "
                     "call no kfunc"),
            std::string::npos)
      << out;
  EXPECT_EQ(e2e::runCommand(replay + "--precise 2>&1", out), 2) << out;
  EXPECT_NE(out.find("--precise needs the inxpect kernel module's kfunc, but this program's "
                     "probes call no kfunc, because the program has no license"),
            std::string::npos)
      << out;
  EXPECT_EQ(e2e::runCommand(replay + "--events cycles 2>&1", out), 1) << out;
  EXPECT_NE(out.find("give it a GPL-compatible license and instrument it again, or measure "
                     "--events clock"),
            std::string::npos)
      << out;
}

} // namespace
