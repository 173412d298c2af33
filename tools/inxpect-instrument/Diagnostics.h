// Reports the rewriter's own findings through clang's DiagnosticsEngine, so
// they look like the compiler's: file:line:col: error: ... with a caret.
#pragma once

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"

namespace inxpect {

class Reporter {
public:
  explicit Reporter(clang::DiagnosticsEngine &diags) : diags_(diags) {}

  void error(clang::SourceLocation loc, llvm::StringRef message);
  void warning(clang::SourceLocation loc, llvm::StringRef message);
  void note(clang::SourceLocation loc, llvm::StringRef message);
  bool hasErrors() const { return diags_.hasErrorOccurred(); }

private:
  void report(clang::DiagnosticsEngine::Level level, clang::SourceLocation loc,
              llvm::StringRef message);
  clang::DiagnosticsEngine &diags_;
};

} // namespace inxpect
