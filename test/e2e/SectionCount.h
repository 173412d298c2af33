// A section's entries in a snapshot: the sum over the events measured.
#pragma once

#include <cstdint>

#include "profile/StatsReader.h"

namespace e2e {

inline uint64_t sectionCount(const inxpect::Snapshot &s, unsigned id) {
  uint64_t count = 0;
  for (const inxpect::EventTotals &e : s.sections.at(id))
    count += e.count;
  return count;
}

} // namespace e2e
