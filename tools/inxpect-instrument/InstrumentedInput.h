// Recognises a source that is already the output of inxpect-instrument, so a
// second rewrite is refused instead of nesting probes in probes.
#pragma once

#include <optional>

#include "clang/Basic/LangOptions.h"
#include "llvm/ADT/StringRef.h"

namespace inxpect {

// The offset of the INXPECT_OBJECT table every rewrite appends, when `code`
// uses it as code (mentions in comments do not count).
std::optional<unsigned> findInstrumentedMarker(llvm::StringRef code,
                                               const clang::LangOptions &lang);

} // namespace inxpect
