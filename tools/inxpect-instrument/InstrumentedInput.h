// Recognises a source that is already the output of inxpect-instrument, so a
// second rewrite is refused instead of nesting probes in probes.
#pragma once

#include <optional>

#include "SourceTokens.h"

namespace inxpect {

// The offset of the INXPECT_OBJECT table every rewrite appends, when the
// source uses it as code (mentions in comments do not count).
std::optional<unsigned> findInstrumentedMarker(const SourceTokens &tokens);

} // namespace inxpect
