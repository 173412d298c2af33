#include "profile/Report.h"

namespace inxpect {

ProfileFigures Report::figures() const {
  return computeFigures(info, stats, stats, elapsedSeconds, elapsedSeconds, /*final=*/true);
}

uint64_t sectionCount(const Report &report, unsigned sectionId) {
  return sectionEntries(report.stats, sectionId, report.info.events);
}

} // namespace inxpect
