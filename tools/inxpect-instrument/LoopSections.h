// --per-loop: for, while and do loops become sections named
// <function>.<for|while|do>@<line> (in a header, after its file too:
// "lib/parse.h:parse_eth.for@12"), wrapped in a block of their own
// ({ INXPECT_SCOPE(id); loop }), so every way out of the loop ends them.
#pragma once

#include <vector>

#include "Diagnostics.h"
#include "PlannedSection.h"

namespace inxpect {

// Where a statement under #pragma unroll (or any loop pragma) can be opened:
// after the code token before the first pragma line, since nothing may come
// between a pragma and its loop. None when a preprocessor line is in between.
std::optional<unsigned> openBeforePragmas(const clang::AttributedStmt &stmt,
                                          const clang::SourceManager &sm,
                                          const SourceTokens &tokens);

std::vector<PlannedSection> findLoopSections(const std::vector<FunctionFacts> &functions,
                                             clang::ASTContext &ctx, Reporter &report);

} // namespace inxpect
