// A tail call goes on with the run that made it, through inxpect-run replay
// with a program array libbpf fills at load (programs/tailcall.c): one run a
// packet, and every section of both programs counted, inlined ones included.
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ProgramBuild.h"
#include "RequireRoot.h"
#include "traffic/SyntheticTraffic.h"

namespace {

constexpr std::size_t kPackets = 300;

class TailCallReplay : public ::testing::Test {
protected:
  void SetUp() override {
    REQUIRE_ROOT_FOR_BPF();
    std::string dir = e2e::makeWorkDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    built_ = e2e::buildProgram("tailcall", {"--per-function"}, dir);
    ASSERT_FALSE(HasFatalFailure());
    for (const inxpect::Packet &p : inxpect::syntheticTraffic(kPackets).packets)
      evenFrames_ += p.size() % 2 == 0;
    ASSERT_GT(evenFrames_, 0u);
    ASSERT_LT(evenFrames_, kPackets);
  }

  // The JSON report's runs and each section's count (and as NAME.timed,
  // NAME.nested, NAME.passes and NAME.children the event's figures).
  std::map<std::string, uint64_t> replay(const std::string &extra) {
    std::string out;
    EXPECT_EQ(e2e::runCommand(std::string(E2E_BIN_DIR) + "/inxpect-run replay " +
                                  built_.instrumented + " --prog xdp_chain --synthetic " +
                                  std::to_string(kPackets) + " --format json " + extra,
                              out),
              0)
        << out;
    auto j = nlohmann::json::parse(out);
    std::map<std::string, uint64_t> counts = {{"runs", j["runs"].get<uint64_t>()}};
    for (const auto &s : j["sections"]) {
      counts[s["name"].get<std::string>()] = s["count"].get<uint64_t>();
      const auto &clock = s["events"]["clock"];
      for (const char *field : {"nested", "passes", "children"})
        counts[s["name"].get<std::string>() + "." + field] = clock[field].get<uint64_t>();
      counts[s["name"].get<std::string>() + ".timed"] = clock["count"].get<uint64_t>();
    }
    return counts;
  }

  e2e::BuiltProgram built_;
  uint64_t evenFrames_ = 0; // the packets xdp_chain tail-calls for
};

TEST_F(TailCallReplay, OneRunAPacketAndEverySectionOfBothPrograms) {
  auto c = replay("");
  EXPECT_EQ(c["runs"], kPackets) << "a tail-called program goes on with the run";
  EXPECT_EQ(c["xdp_chain"], kPackets);
  EXPECT_EQ(c["xdp_chain_next"], evenFrames_);
  EXPECT_EQ(c["next_work"], evenFrames_);
  EXPECT_EQ(c["frame_size"], kPackets + evenFrames_) << "inlined in both programs";
}

TEST_F(TailCallReplay, NestedCountsAreTheSectionsEnteredInsideAtRunTime) {
  auto c = replay("");
  // Each run times one depth: the entry programs' sections or the
  // functions inside them, so both are timed in some runs and not all.
  for (const char *name : {"xdp_chain", "frame_size"}) {
    EXPECT_GT(c[std::string(name) + ".timed"], 0u) << name;
    EXPECT_LT(c[std::string(name) + ".timed"], c[name]) << name;
  }
  // xdp_chain's section ends before its tail call: only its frame_size is
  // inside each of its timed entries.
  EXPECT_EQ(c["xdp_chain.nested"], c["xdp_chain.timed"]);
  EXPECT_EQ(c["xdp_chain_next.nested"], 2 * c["xdp_chain_next.timed"]) << "frame_size and next_work";
  EXPECT_EQ(c["frame_size.nested"], 0u);
  EXPECT_EQ(c["next_work.nested"], 0u);
  // The runs that time the functions pass through the programs' sections:
  // one level deep here, every section inside is a direct child.
  EXPECT_GT(c["xdp_chain.passes"], 0u);
  EXPECT_EQ(c["xdp_chain.children"], c["xdp_chain.passes"]);
  EXPECT_EQ(c["xdp_chain_next.children"], 2 * c["xdp_chain_next.passes"]);
  EXPECT_EQ(c["xdp_chain.passes"] + c["xdp_chain.timed"], kPackets);
  EXPECT_EQ(c["frame_size.passes"], 0u) << "nothing deeper to time";
}

TEST_F(TailCallReplay, ASampledRunIsMeasuredInBothPrograms) {
  auto c = replay("--sample 4");
  EXPECT_EQ(c["runs"], kPackets);
  // Per CPU one run in 4 is measured; replay may move between CPUs, so the
  // exact number is not known, but a measured run is measured throughout.
  EXPECT_GT(c["xdp_chain"], 0u);
  EXPECT_LT(c["xdp_chain"], kPackets);
  EXPECT_EQ(c["next_work"], c["xdp_chain_next"]);
  EXPECT_EQ(c["frame_size"], c["xdp_chain"] + c["xdp_chain_next"]);
  EXPECT_EQ(c["xdp_chain.passes"] + c["xdp_chain.timed"], c["xdp_chain"]);
}

} // namespace
