// What a profile says, and its two views: a table for people, JSON lines for
// scripts (schema in docs/running.md).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "counters/CounterSource.h"
#include "traffic/Replay.h"
#include "profile/SectionTable.h"
#include "profile/StatsReader.h"

namespace inxpect {

struct Report {
  std::string object;  // path of the BPF object
  std::string program; // the entry program that ran
  CounterSource counter;
  std::vector<EventInfo> events; // the events measured, in slot order
  std::size_t packets = 0;       // packets a pass
  unsigned passes = 0;
  VerdictTally verdicts;
  SectionTable sections;
  Snapshot stats; // since profiling started; stats.runs = entry-program runs
  std::string statsLayout = "cpu-slots"; // statsKindName() of inxpect_stats
};

// A section's count: entries measured, summed over the measured events.
uint64_t sectionCount(const Report &report, unsigned sectionId);

std::string formatTable(const Report &report);
// One JSON object of type "final" on one line, ending in a newline.
std::string formatJson(const Report &report);

} // namespace inxpect
