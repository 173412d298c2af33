// Sections a user marks: `inxpect:region NAME` covers the next statement
// (wrapped in a block, or, for a declaration, a range so its names stay
// visible); `inxpect:begin NAME` ... `inxpect:end NAME` covers the statements
// between them, which must be in one block.
#pragma once

#include <vector>

#include "Annotations.h"
#include "PlannedSection.h"

namespace inxpect {

// Errors (at the marker's comment) for markers that cannot be placed.
std::vector<PlannedSection> findRegionSections(const std::vector<Marker> &markers,
                                               const std::vector<FunctionFacts> &functions,
                                               clang::ASTContext &ctx, const SourceTokens &tokens,
                                               Reporter &report);

} // namespace inxpect
