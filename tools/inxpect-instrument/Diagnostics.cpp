#include "Diagnostics.h"

namespace inxpect {

void Reporter::report(clang::DiagnosticsEngine::Level level, clang::SourceLocation loc,
                      llvm::StringRef message) {
  // "%0" keeps clang from reading format characters in the message.
  unsigned id = diags_.getCustomDiagID(level, "%0");
  diags_.Report(loc, id) << message;
}

void Reporter::error(clang::SourceLocation loc, llvm::StringRef message) {
  report(clang::DiagnosticsEngine::Error, loc, message);
}

void Reporter::warning(clang::SourceLocation loc, llvm::StringRef message) {
  report(clang::DiagnosticsEngine::Warning, loc, message);
}

void Reporter::note(clang::SourceLocation loc, llvm::StringRef message) {
  report(clang::DiagnosticsEngine::Remark, loc, message);
}

} // namespace inxpect
