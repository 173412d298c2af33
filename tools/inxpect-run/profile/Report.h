// What a replay found: the profile it ran and the statistics at its end. It
// is shown through the same views as a live profile's final figures.
#pragma once

#include <cstdint>

#include "profile/Figures.h"
#include "profile/StatsReader.h"

namespace inxpect {

struct Report {
  ProfileInfo info;          // info.replay: the packets, passes and verdicts
  Snapshot stats;            // since profiling started; stats.runs = entry-program runs
  double elapsedSeconds = 0; // how long the packets took to run

  // The final figures, as a live profile's last report has them.
  ProfileFigures figures() const;
};

// A section's count: entries measured, summed over the measured events.
uint64_t sectionCount(const Report &report, unsigned sectionId);

} // namespace inxpect
