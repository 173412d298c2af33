// From the sections every finder proposed to the text the rewrite inserts:
// ids in source order (the source's first, then each header's; outer before
// inner), unique names, parents, checks
// that no jump enters a section's scope, and the probes, including the ends
// a tail call needs before it.
#pragma once

#include <vector>

#include "Diagnostics.h"
#include "PlannedSection.h"
#include "SourceFiles.h"

namespace inxpect {

struct RewritePlan {
  std::vector<PlannedSection> sections; // by id, with parents set
  InsertionsByFile insertions;          // probes only (not the include, not the table)
  unsigned firstInsertion = ~0u;        // in the source: the include must come before this
};

// A section found by a mode that would be unsound (a jump into its scope) is
// left out with a remark; one the user asked for is an error.
RewritePlan planRewrite(std::vector<PlannedSection> sections,
                        const std::vector<FunctionFacts> &functions,
                        const clang::SourceManager &sm, Reporter &report);

} // namespace inxpect
