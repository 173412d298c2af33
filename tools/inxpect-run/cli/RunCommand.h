// `inxpect-run run`: load an instrumented object, attach it to an interface
// through a bpf_link and profile it live.
#pragma once

#include <ostream>

#include "cli/Options.h"

namespace inxpect {

// Throws RunError, with a sentence saying what to do. Nothing stays attached
// when it returns or throws (nor when the process is killed).
void runLive(const RunOptions &options, std::ostream &out, std::ostream &notes);

} // namespace inxpect
