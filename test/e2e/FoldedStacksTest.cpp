// Folded stacks (--format folded) on programs/shared_callee.c, where mix()
// is entered inside the region `headers` and inside payload_sum(): the
// runtime's figures by parent add up to the sections' own exactly, the
// stacks are the program's run-time nesting, mix's cost is split between
// its two parents, and the stacks' values add up to the entry's inclusive
// total and what the clamps at 0 added (which only a generous bound holds
// to: timings are noisy). And an object that keeps no figures by parent is
// refused.
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "Manifest.h"
#include "ProgramBuild.h"
#include "RequireRoot.h"
#include "counters/CounterSource.h"
#include "object/LoadedObject.h"
#include "profile/Calibration.h"
#include "profile/CallStacks.h"
#include "profile/Figures.h"
#include "profile/StatsReader.h"
#include "traffic/Replay.h"
#include "traffic/SyntheticTraffic.h"

namespace {

const std::set<std::string> kStacks = {
    "xdp_shared_callee",
    "xdp_shared_callee;headers",
    "xdp_shared_callee;headers;mix",
    "xdp_shared_callee;payload_sum",
    "xdp_shared_callee;payload_sum;mix",
};

class FoldedStacks : public ::testing::Test {
protected:
  void SetUp() override {
    REQUIRE_ROOT_FOR_BPF();
    dir_ = e2e::makeWorkDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    built_ = e2e::buildProgram("shared_callee", {"--per-function"}, dir_);
    ASSERT_FALSE(HasFatalFailure());
  }
  std::string replay(const std::string &object, const std::string &extra) {
    return std::string(E2E_BIN_DIR) + "/inxpect-run replay " + object +
           " --synthetic 256 --repeat 40 " + extra;
  }
  std::string dir_;
  e2e::BuiltProgram built_;
};

TEST_F(FoldedStacks, TheFiguresByParentSplitTheSharedFunction) {
  auto object = inxpect::LoadedObject::open(built_.instrumented, "xdp_shared_callee");
  object->load();
  auto program = object->liveProgram();
  inxpect::ProfileInfo info;
  info.sections = inxpect::SectionTable::fromManifest(inxpect::readManifestFile(built_.manifest));
  info.sectionOn.assign(info.sections.size(), true);
  info.events = inxpect::armEvents(inxpect::detectCounterSource(), {{"", 1}},
                                   object->layout().maxEvents);
  program->config().configure(info.events, info.sectionOn);
  inxpect::StatsReader stats(program->statsLayout());
  std::vector<inxpect::ProbeCost> before = inxpect::calibrateProbes(info.events);
  inxpect::Snapshot start = stats.snapshot();
  inxpect::replayPackets(program->programFd(), inxpect::syntheticTraffic(256).packets, 40);
  inxpect::Snapshot s = inxpect::difference(stats.snapshot(), start);
  info.probeCost = inxpect::pooled({before, inxpect::calibrateProbes(info.events)});

  std::map<std::string, unsigned> id;
  for (const inxpect::SectionRow &row : info.sections.rows())
    id[row.name] = row.id;
  ASSERT_EQ(s.byParent.size(), info.sections.size()) << "the object keeps figures by parent";

  // Every timed entry of the first event is in one parent's figures, and a
  // parent's figures are the children it tallied: exact, no timing.
  for (const inxpect::SectionRow &row : info.sections.rows()) {
    const inxpect::EventTotals &own = s.sections[row.id][0];
    uint64_t count = 0, total = 0, nested = 0;
    for (const inxpect::ParentTotals &p : s.byParent[row.id]) {
      count += p.count;
      total += p.total;
      nested += p.nested;
    }
    EXPECT_EQ(count, own.count) << row.name;
    EXPECT_EQ(total, own.total) << row.name;
    EXPECT_EQ(nested, own.nested) << row.name;
    EXPECT_GT(own.count, 0u) << row.name << ": never timed";
    uint64_t children = 0, childrenTotal = 0, childrenNested = 0;
    for (const auto &byParent : s.byParent) {
      children += byParent[1 + row.id].count;
      childrenTotal += byParent[1 + row.id].total;
      childrenNested += byParent[1 + row.id].nested;
    }
    EXPECT_EQ(children, own.children) << row.name;
    EXPECT_EQ(childrenTotal, own.childrenTotal) << row.name;
    EXPECT_EQ(childrenNested, own.childrenNested) << row.name;
  }
  // The runs that time mix's depth time it inside both parents, once each.
  const auto &mix = s.byParent[id["mix"]];
  EXPECT_EQ(mix[1 + id["headers"]].count, mix[1 + id["payload_sum"]].count);
  EXPECT_EQ(mix[1 + id["xdp_shared_callee"]].count, 0u) << "mix is never entered directly inside the entry";
  EXPECT_EQ(mix[0].count, 0u);

  inxpect::ProfileFigures f = inxpect::computeFigures(info, s, s, 1, 1, true);
  inxpect::CallStacks folded = inxpect::callStacks(f);
  std::map<std::string, double> stacks;
  double sum = 0;
  for (const inxpect::CallStack &stack : folded.stacks) {
    std::string name;
    for (unsigned section : stack.sections)
      name += (name.empty() ? "" : ";") + f.sections[section].row->name;
    stacks[name] = stack.value;
    sum += stack.value;
    EXPECT_GE(stack.value, 0) << name;
  }
  std::set<std::string> names;
  for (const auto &[name, value] : stacks)
    names.insert(name);
  EXPECT_EQ(names, kStacks);
  // 96 rounds against 32: a relation with a wide margin, never a time.
  EXPECT_GT(stacks["xdp_shared_callee;payload_sum;mix"], stacks["xdp_shared_callee;headers;mix"])
      << "mix costs more inside payload_sum, for as many entries";

  const inxpect::SectionFigures &entry = f.sections[id["xdp_shared_callee"]];
  ASSERT_TRUE(entry.events[0].inclusiveMean);
  double inclusive = *entry.events[0].inclusiveMean * entry.count;
  std::cout << "shared_callee: the entry's inclusive total " << inclusive << " "
            << info.events[0].unit << ", the stacks' values " << sum << ", of which the clamps at 0 "
            << folded.clamped << "\n";
  EXPECT_GT(inclusive, 0);
  // The entry is the one outermost section: the values are its inclusive
  // total and what the clamps at 0 added, to the arithmetic's rounding.
  EXPECT_NEAR(sum, inclusive + folded.clamped, 1e-9 * inclusive);
  EXPECT_GE(folded.clamped, 0);
  EXPECT_LT(folded.clamped, inclusive / 2) << "the clamps at 0 added more than noise could";
}

TEST_F(FoldedStacks, ReplayWritesOneLineAStack) {
  std::string out;
  ASSERT_EQ(e2e::runCommand(replay(built_.instrumented, "--format folded"), out), 0) << out;
  std::istringstream lines(out);
  std::set<std::string> seen;
  const std::regex line("([^ ]+) ([0-9]+)");
  for (std::string l; std::getline(lines, l);) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(l, m, line)) << "not a folded line: " << l;
    EXPECT_TRUE(kStacks.count(m[1])) << "a stack the program cannot have: " << l;
    EXPECT_TRUE(seen.insert(m[1]).second) << "twice: " << l;
    EXPECT_GT(std::stoull(m[2]), 0u) << l;
  }
  // Whatever rounds to 0 is left out, but mix costs tens of rounds a time.
  EXPECT_TRUE(seen.count("xdp_shared_callee;headers;mix")) << out;
  EXPECT_TRUE(seen.count("xdp_shared_callee;payload_sum;mix")) << out;
}

TEST_F(FoldedStacks, AnObjectWithoutFiguresByParentIsRefused) {
  e2e::BuiltProgram without =
      e2e::buildProgram("shared_callee", {"--per-function"}, e2e::makeWorkDir("no-parent-stats"),
                        {"-DINXPECT_NO_PARENT_STATS"});
  ASSERT_FALSE(HasFatalFailure());
  std::string out;
  EXPECT_NE(e2e::runCommand(replay(without.instrumented, "--format folded 2>/dev/null"), out), 0);
  EXPECT_EQ(out, "") << "nothing written";
  EXPECT_NE(e2e::runCommand(replay(without.instrumented, "--format folded 2>&1"), out), 0);
  EXPECT_NE(out.find("--format folded: "), std::string::npos) << out;
  EXPECT_NE(out.find("rebuild it"), std::string::npos) << out;
  ASSERT_EQ(e2e::runCommand(replay(without.instrumented, "--format csv"), out), 0)
      << "the other formats read it: " << out;
}

} // namespace
