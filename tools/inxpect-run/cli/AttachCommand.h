// `inxpect-run attach`: profile an instrumented program another loader
// loaded, by id, name or pin, without reloading it.
#pragma once

#include <ostream>

#include "cli/Options.h"

namespace inxpect {

// Throws RunError, with a sentence saying what to do (program not found, not
// instrumented, manifest of another build...). The program's configuration
// is put back as it was found when this returns.
void attachLive(const AttachOptions &options, std::ostream &out, std::ostream &notes);

} // namespace inxpect
