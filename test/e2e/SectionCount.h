// A section's entries in a snapshot: timed (the sum over the events
// measured) and untimed.
#pragma once

#include <cstdint>

#include "profile/StatsReader.h"

namespace e2e {

inline uint64_t sectionCount(const inxpect::Snapshot &s, unsigned id) {
  uint64_t count = id < s.untimed.size() ? s.untimed[id] : 0;
  for (const inxpect::EventTotals &e : s.sections.at(id))
    count += e.count;
  return count;
}

// The entries a section's histogram holds for event `e` (0 without one):
// every measured entry lands in exactly one bucket.
inline uint64_t histogramEntries(const inxpect::Snapshot &s, unsigned id, unsigned e) {
  uint64_t n = 0;
  for (uint64_t b : s.sections.at(id).at(e).buckets)
    n += b;
  return n;
}

} // namespace e2e
