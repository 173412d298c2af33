// The stacks --format folded writes: a section's cost split among its
// run-time parents (profile/CallStacks), and the folded lines
// (views/FoldedView), on figures with known values.
#include "profile/CallStacks.h"
#include "views/View.h"

#include <map>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

using namespace inxpect;

namespace {

// Sections by name, their parents by run time given in the figures only:
// the manifest's (lexical) parents play no part.
struct Profile {
  ProfileInfo info;
  ProfileFigures figures;

  explicit Profile(const std::vector<std::string> &names) {
    Manifest m;
    for (unsigned id = 0; id < names.size(); ++id) {
      Section s;
      s.id = id;
      s.name = names[id];
      m.sections.push_back(s);
    }
    info.sections = SectionTable::fromManifest(m);
    figures.final = true;
    for (const SectionRow &row : info.sections.rows()) {
      SectionFigures s;
      s.row = &row;
      s.events.resize(1);
      figures.sections.push_back(s);
    }
  }

  // `count` entries of `inclusiveMean` each; by parent (-1: none around it):
  // entries timed there and their corrected cost.
  void section(unsigned id, uint64_t count, double inclusiveMean,
               const std::map<int, ParentFigures> &byParent) {
    SectionFigures &s = figures.sections[id];
    s.count = count;
    s.events[0].inclusiveMean = inclusiveMean;
    s.byParent.assign(figures.sections.size() + 1, ParentFigures{});
    for (const auto &[parent, f] : byParent)
      s.byParent[parent + 1] = f;
  }

  // Stack (names joined by ';') -> value.
  std::map<std::string, double> stacks() const {
    std::map<std::string, double> out;
    for (const CallStack &stack : callStacks(figures).stacks) {
      std::string name;
      for (unsigned id : stack.sections)
        name += (name.empty() ? "" : ";") + figures.sections[id].row->name;
      EXPECT_EQ(out.count(name), 0u) << name << " twice";
      out[name] = stack.value;
    }
    return out;
  }

  std::string folded() const {
    std::ostringstream out;
    makeFoldedView(out)->show(info, figures);
    return out.str();
  }
};

double sum(const std::map<std::string, double> &stacks) {
  double total = 0;
  for (const auto &[name, value] : stacks)
    total += value;
  return total;
}

constexpr int kNone = -1;

} // namespace

// A tree: every section one parent. Its values are the self costs, and
// add up to the entry's inclusive total.
TEST(RunCallStacks, ATreeGivesEachSectionItsSelfCost) {
  Profile p({"xdp_main", "parse", "lookup", "hash"});
  p.section(0, 100, 500, {{kNone, {10, 5000}}});    // 50000 over the profile
  p.section(1, 100, 120, {{0, {4, 480}}});          // 12000
  p.section(2, 50, 200, {{0, {3, 600}}});           // 10000
  p.section(3, 200, 30, {{2, {20, 600}}});          // 6000, all inside lookup
  auto stacks = p.stacks();
  EXPECT_EQ(stacks, (std::map<std::string, double>{{"xdp_main", 50000 - 12000 - 10000},
                                                   {"xdp_main;parse", 12000},
                                                   {"xdp_main;lookup", 10000 - 6000},
                                                   {"xdp_main;lookup;hash", 6000}}));
  EXPECT_DOUBLE_EQ(sum(stacks), 50000);
}

// A function entered inside two sections: its cost split by what its
// entries cost inside each (3:1 here, though its entries split 1:1), and
// each parent's self cost less its own share.
TEST(RunCallStacks, ASharedSectionIsSplitByWhatItCostInsideEachParent) {
  Profile p({"xdp_main", "ipv4", "ipv6", "csum"});
  p.section(0, 10, 1000, {{kNone, {5, 5000}}}); // 10000
  p.section(1, 6, 500, {{0, {3, 1500}}});       // 3000
  p.section(2, 4, 500, {{0, {2, 1000}}});       // 2000
  p.section(3, 10, 200, {{1, {4, 1200}}, {2, {4, 400}}}); // 2000: 1500 in ipv4, 500 in ipv6
  auto stacks = p.stacks();
  EXPECT_EQ(stacks, (std::map<std::string, double>{{"xdp_main", 5000},
                                                   {"xdp_main;ipv4", 1500},
                                                   {"xdp_main;ipv4;csum", 1500},
                                                   {"xdp_main;ipv6", 1500},
                                                   {"xdp_main;ipv6;csum", 500}}));
  EXPECT_DOUBLE_EQ(sum(stacks), 10000);
}

// Below a shared section, its children follow its split: a section with
// several parents is assumed to spend the same way inside each.
TEST(RunCallStacks, BelowASharedSectionTheSplitCarriesDown) {
  Profile p({"xdp_main", "a", "b", "shared", "leaf"});
  p.section(0, 1, 1000, {{kNone, {1, 1000}}});
  p.section(1, 1, 300, {{0, {1, 300}}});
  p.section(2, 1, 300, {{0, {1, 300}}});
  p.section(3, 2, 100, {{1, {1, 50}}, {2, {1, 150}}}); // 200: a quarter in a
  p.section(4, 2, 40, {{3, {2, 80}}});                 // 80, all inside shared
  auto stacks = p.stacks();
  EXPECT_DOUBLE_EQ(stacks.at("xdp_main;a;shared"), (200 - 80) * 0.25);
  EXPECT_DOUBLE_EQ(stacks.at("xdp_main;a;shared;leaf"), 80 * 0.25);
  EXPECT_DOUBLE_EQ(stacks.at("xdp_main;b;shared;leaf"), 80 * 0.75);
  EXPECT_DOUBLE_EQ(stacks.at("xdp_main;a"), 300 - 50);
  EXPECT_DOUBLE_EQ(sum(stacks), 1000);
}

// Where a section's entries inside every parent cost nothing (within the
// probes' error, clamped to 0), their numbers split it.
TEST(RunCallStacks, EntriesSplitWhereNoParentShowsACost) {
  Profile p({"xdp_main", "a", "b", "tiny"});
  p.section(0, 1, 100, {{kNone, {1, 100}}});
  p.section(1, 1, 40, {{0, {1, 40}}});
  p.section(2, 1, 40, {{0, {1, 40}}});
  p.section(3, 4, 1, {{1, {3, 0}}, {2, {1, 0}}});
  auto stacks = p.stacks();
  EXPECT_DOUBLE_EQ(stacks.at("xdp_main;a;tiny"), 3);
  EXPECT_DOUBLE_EQ(stacks.at("xdp_main;b;tiny"), 1);
}

// Children that cost more than their parent (noise) leave it 0, not below:
// the values then add up to more than the entry's total, by that much.
TEST(RunCallStacks, ASelfCostBelowZeroIsClamped) {
  Profile p({"xdp_main", "inner"});
  p.section(0, 1, 100, {{kNone, {1, 100}}});
  p.section(1, 1, 130, {{0, {1, 130}}});
  auto stacks = p.stacks();
  EXPECT_DOUBLE_EQ(stacks.at("xdp_main"), 0);
  EXPECT_DOUBLE_EQ(stacks.at("xdp_main;inner"), 130);
  EXPECT_DOUBLE_EQ(callStacks(p.figures).clamped, 30);
}

// Below a shared section, a clamp counts for the share that reached each
// stack: the values are the entry's total plus what the clamps added.
TEST(RunCallStacks, WhatTheClampsAddIsCountedAlongEachStack) {
  Profile p({"xdp_main", "a", "b", "shared", "leaf"});
  p.section(0, 1, 1000, {{kNone, {1, 1000}}});
  p.section(1, 1, 300, {{0, {1, 300}}});
  p.section(2, 1, 300, {{0, {1, 300}}});
  p.section(3, 1, 60, {{1, {1, 15}}, {2, {1, 45}}}); // a quarter in a
  p.section(4, 1, 100, {{3, {1, 100}}});             // 40 more than shared
  CallStacks s = callStacks(p.figures);
  EXPECT_DOUBLE_EQ(s.clamped, 40);
  EXPECT_DOUBLE_EQ(sum(p.stacks()), 1000 + 40);
}

// Several outermost sections (regions at the run's first depth, the entry
// program no section): one root each.
TEST(RunCallStacks, EachOutermostSectionIsARoot) {
  Profile p({"parse", "update", "hash"});
  p.section(0, 10, 10, {{kNone, {10, 100}}});
  p.section(1, 10, 50, {{kNone, {10, 500}}});
  p.section(2, 10, 20, {{1, {10, 200}}, {kNone, {0, 0}}});
  EXPECT_EQ(p.stacks(), (std::map<std::string, double>{
                            {"parse", 100}, {"update", 300}, {"update;hash", 200}}));
}

// A section with no per-parent figures (never timed, switched off, an
// object without them) is on no stack, and nothing is taken from its parent.
TEST(RunCallStacks, SectionsWithoutParentFiguresAreOnNoStack) {
  Profile p({"xdp_main", "never_timed"});
  p.section(0, 1, 100, {{kNone, {1, 100}}});
  p.figures.sections[1].count = 3;
  p.figures.sections[1].events[0].inclusiveMean = 5;
  EXPECT_EQ(p.stacks(), (std::map<std::string, double>{{"xdp_main", 100}}));
}

// A figure that puts a section inside itself (BPF has no recursion) adds
// no stack.
TEST(RunCallStacks, ASectionInsideItselfIsSkipped) {
  Profile p({"xdp_main", "loop"});
  p.section(0, 1, 100, {{kNone, {1, 100}}});
  p.section(1, 2, 10, {{0, {1, 10}}, {1, {1, 10}}});
  auto stacks = p.stacks();
  EXPECT_EQ(stacks.size(), 2u);
  EXPECT_EQ(stacks.count("xdp_main;loop"), 1u);
}

TEST(RunFoldedView, OneSortedLineAStackWithAWholeValue) {
  Profile p({"xdp_main", "parse", "lookup"});
  p.section(0, 3, 100.2, {{kNone, {1, 100.2}}}); // 300.6
  p.section(1, 3, 20.3, {{0, {1, 20.3}}});       // 60.9
  p.section(2, 1, 0.4, {{0, {1, 0.4}}});         // rounds to 0: no line
  EXPECT_EQ(p.folded(), "xdp_main 239\n"
                        "xdp_main;parse 61\n");
}

TEST(RunFoldedView, NamesKeepClearOfTheSeparators) {
  Profile p({"xdp;main", "a region"});
  p.section(0, 1, 10, {{kNone, {1, 10}}});
  p.section(1, 1, 4, {{0, {1, 4}}});
  EXPECT_EQ(p.folded(), "xdp_main 6\n"
                        "xdp_main;a_region 4\n");
}

// A live profile's intervals would repeat the stacks: only the final
// figures are written.
TEST(RunFoldedView, WritesOnlyTheFinalFigures) {
  Profile p({"xdp_main"});
  p.section(0, 1, 10, {{kNone, {1, 10}}});
  p.figures.final = false;
  EXPECT_EQ(p.folded(), "");
  p.figures.final = true;
  EXPECT_EQ(p.folded(), "xdp_main 10\n");
}
