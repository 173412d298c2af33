// Reads a verifier log for the limits probes can push a program over (the
// instruction budget, the 512-byte stack, the jump sequence limit) and says
// which one, where, and what to do about it.
#pragma once

#include <string>

namespace inxpect {

// One or two sentences for the user, or "" when the log shows no such limit.
std::string explainVerifierLimit(const std::string &log);

} // namespace inxpect
