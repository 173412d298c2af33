// `inxpect-run compare`: two builds of a program, the same packets through
// both in interleaved rounds, and per section whether B got slower.
#pragma once

#include <ostream>

#include "cli/Options.h"
#include "compare/Comparison.h"

namespace inxpect {

// The whole comparison: both builds loaded, their behaviour compared, the
// rounds run, the probes' cost taken out. Warnings (skipped packets) go to
// `notes`. Nothing stays loaded or locked when it returns or throws.
// Throws RunError, with a sentence saying what to do.
Comparison compareBuilds(const CompareOptions &options, std::ostream &notes);

// compareBuilds, written in the chosen format on `out` (or --output);
// returns the exit status: 0, or 3 when a section is slower.
int runCompare(const CompareOptions &options, std::ostream &out, std::ostream &notes);

} // namespace inxpect
