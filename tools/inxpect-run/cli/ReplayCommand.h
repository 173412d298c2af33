// `inxpect-run replay`: load, reset, replay packets, report.
#pragma once

#include <ostream>

#include "cli/Options.h"
#include "profile/Figures.h"

namespace inxpect {

// The whole replay, returning the report; warnings (skipped packets) go to
// `notes`. Throws RunError, with a sentence saying what to do.
Report profileReplay(const ReplayOptions &options, std::ostream &notes);

// profileReplay, printed in the chosen format on `out`. Throws RunError.
void runReplay(const ReplayOptions &options, std::ostream &out, std::ostream &notes);

} // namespace inxpect
