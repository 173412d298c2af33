// Hand-placed sections, the original tool's workflow: START_TRACE(name) and
// END_TRACE(name) written in the source (which includes inxpect.h). They are
// kept, listed as `manual`, and each START_TRACE is given its id. Only the
// macros inxpect.h defines are claimed: a program's own START_TRACE (a debug
// print, say) is its business.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "clang/Lex/PPCallbacks.h"

#include "Diagnostics.h"
#include "PlannedSection.h"

namespace inxpect {

struct TraceMacro {
  bool start = false;        // START_TRACE, else END_TRACE
  std::string name;
  clang::FileID file;        // where it is written
  unsigned offset = 0;       // the macro's name
  unsigned rparen = 0;       // its closing parenthesis
  unsigned arguments = 0;    // comma-separated arguments written
  bool fromMacro = false;    // written inside another macro's expansion
  clang::SourceLocation loc;
};

// What the preprocessor shows of the hand-written workflow.
struct HandWrittenTraces {
  std::vector<TraceMacro> uses; // of inxpect.h's START_TRACE/END_TRACE, in any file
  // START_TRACE/END_TRACE as the program defines them itself (not inxpect.h)
  std::vector<std::pair<std::string, clang::SourceLocation>> programMacros;
  // The start of the main file's line that first brings inxpect.h in, when
  // the program includes it itself: what inxpect.h is told must come before.
  std::optional<unsigned> headerIncluded;
};

// Records the above as the source is preprocessed.
std::unique_ptr<clang::PPCallbacks> makeTraceMacroCollector(const clang::SourceManager &sm,
                                                           HandWrittenTraces &out);

// One section a START_TRACE; it covers the code up to the first END_TRACE of
// the same name after it (or the end of the function). Uses in files that
// are not rewritten are left alone.
std::vector<PlannedSection> findManualSections(const HandWrittenTraces &traces,
                                               const SourceFiles &files,
                                               const std::vector<FunctionFacts> &functions,
                                               Reporter &report);

} // namespace inxpect
