// A section as the rewrite plans it, whatever found it: what the manifest
// says about it, what code it covers, and how its probes go in.
#pragma once

#include <string>

#include "clang/Basic/SourceLocation.h"

#include "FunctionFacts.h"
#include "Manifest.h"

namespace inxpect {

enum class ProbeShape {
  FunctionStart, // INXPECT_FUNCTION/INXPECT_ENTRY right after the body's `{`
  Wrap,          // { INXPECT_SCOPE(id); statement }
  Range,         // INXPECT_BEGIN(id); statements INXPECT_END(id);
  Manual,        // START_TRACE(name) / END_TRACE(name), given its id
};

struct PlannedSection {
  Section section;               // id, parent and file are set last
  std::string probeId;           // the id as its probes spell it (ProbeText.h)
  ProbeShape shape = ProbeShape::Wrap;
  const FunctionFacts *function = nullptr;
  OffsetSpan span;               // the code it covers
  unsigned open = 0, close = 0;  // where its opening and closing text go
  bool entry = false;            // FunctionStart of an entry program
  bool automatic = true;         // found by a mode (skip when unsound) or asked for (error)
  clang::SourceLocation where;   // for diagnostics
};

} // namespace inxpect
