#include "counters/CounterSource.h"
#include "traffic/Replay.h"
#include "profile/StatsReader.h"

#include <cstring>
#include <vector>

#include <gtest/gtest.h>

using namespace inxpect;

TEST(RunStats, SumsEveryCpuBlockBySection) {
  StatsLayout layout;
  layout.nsections = 2;
  layout.ncpus = 3;
  layout.nevents = 4;
  layout.slotSize = 64;
  std::vector<uint64_t> words(layout.ncpus * layout.nsections * 8, 0);
  // key = cpu * nsections + id; a slot is 4 x {count, total}.
  for (unsigned cpu = 0; cpu < 3; ++cpu)
    for (unsigned id = 0; id < 2; ++id) {
      uint64_t *slot = &words[(cpu * 2 + id) * 8];
      slot[0] = 1 + cpu + 10 * id; // event 0 count
      slot[1] = 100 * (cpu + 1);   // event 0 total
      slot[6] = id;                // event 3 count
    }
  Snapshot s = sumSlots(reinterpret_cast<const unsigned char *>(words.data()), layout);
  ASSERT_EQ(s.sections.size(), 2u);
  ASSERT_EQ(s.sections[0].size(), 4u);
  EXPECT_EQ(s.sections[0][0].count, 1u + 2 + 3);
  EXPECT_EQ(s.sections[1][0].count, 11u + 12 + 13);
  EXPECT_EQ(s.sections[1][0].total, 600u);
  EXPECT_EQ(s.sections[0][3].count, 0u);
  EXPECT_EQ(s.sections[1][3].count, 3u);
  EXPECT_EQ(s.sections[0][1].count, 0u);
}

// A slot of 1 event: {count, total}, then by parent {count, total, nested}
// for none and each of the 2 sections (INXPECT_OBJECT's by_parent[]).
TEST(RunStats, SumsTheFiguresByParentOfEveryCpu) {
  StatsLayout layout;
  layout.nsections = 2;
  layout.ncpus = 2;
  layout.nevents = 1;
  layout.slotSize = 11 * 8;
  layout.byParent = {16, 24, 3, 0, 8, 16};
  std::vector<uint64_t> words(layout.ncpus * layout.nsections * 11, 0);
  for (unsigned cpu = 0; cpu < 2; ++cpu) {
    uint64_t *inner = &words[(cpu * 2 + 1) * 11];
    inner[2 + 3 * 1 + 0] = 5 + cpu;   // inside section 0: count
    inner[2 + 3 * 1 + 1] = 500;       // total
    inner[2 + 3 * 1 + 2] = 2;         // nested
    uint64_t *outer = &words[cpu * 2 * 11];
    outer[2] = 1;                     // section 0 with none around it
  }
  Snapshot s = sumSlots(reinterpret_cast<const unsigned char *>(words.data()), layout);
  ASSERT_EQ(s.byParent.size(), 2u);
  ASSERT_EQ(s.byParent[1].size(), 3u);
  EXPECT_EQ(s.byParent[1][1].count, 11u);
  EXPECT_EQ(s.byParent[1][1].total, 1000u);
  EXPECT_EQ(s.byParent[1][1].nested, 4u);
  EXPECT_EQ(s.byParent[1][0].count, 0u);
  EXPECT_EQ(s.byParent[0][0].count, 2u);

  Snapshot d = difference(s, s);
  EXPECT_EQ(d.byParent[1][1].count, 0u);
  EXPECT_EQ(d.byParent[1][1].total, 0u);
  EXPECT_EQ(d.byParent[1][1].nested, 0u);

  layout.byParent = {};
  EXPECT_TRUE(sumSlots(reinterpret_cast<const unsigned char *>(words.data()), layout).byParent.empty())
      << "an object without the figures (an older header) has none to read";
}

TEST(RunStats, DifferenceSubtractsTheBaseline) {
  Snapshot before, after;
  before.runs = 10;
  after.runs = 577;
  before.sections = {{{5, 50}}, {{1, 7}}};
  after.sections = {{{572, 1050}}, {{568, 90}}};
  before.untimed = {3, 4};
  after.untimed = {10, 4};
  Snapshot d = difference(after, before);
  EXPECT_EQ(d.untimed, (std::vector<uint64_t>{7, 0}));
  EXPECT_EQ(d.runs, 567u);
  EXPECT_EQ(d.sections[0][0].count, 567u);
  EXPECT_EQ(d.sections[0][0].total, 1000u);
  EXPECT_EQ(d.sections[1][0].count, 567u);
  EXPECT_EQ(d.sections[1][0].total, 83u);
}

TEST(RunStats, ClockIsOneEventInNanoseconds) {
  CounterSource clock;
  EXPECT_STREQ(clock.name(), "clock");
  EXPECT_EQ(clock.describe(), "counter: clock (bpf_ktime_get_ns, ns): inxpect kernel module not "
                              "loaded, using the clock fallback");
  auto events = armEvents(clock, {{"", 8}}, 4);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].index, 0u);
  EXPECT_EQ(events[0].name, "clock");
  EXPECT_EQ(events[0].unit, "ns");
  EXPECT_EQ(events[0].sampleEvery, 8u);
}

TEST(RunStats, VerdictNamesFollowTheKernelOrder) {
  EXPECT_STREQ(xdpActionName(0), "XDP_ABORTED");
  EXPECT_STREQ(xdpActionName(1), "XDP_DROP");
  EXPECT_STREQ(xdpActionName(2), "XDP_PASS");
  EXPECT_STREQ(xdpActionName(3), "XDP_TX");
  EXPECT_STREQ(xdpActionName(4), "XDP_REDIRECT");
  EXPECT_STREQ(xdpActionName(5), "unknown");
  VerdictTally t;
  t.byAction[1] = 3;
  t.byAction[2] = 4;
  t.other = 1;
  EXPECT_EQ(t.total(), 8u);
}
