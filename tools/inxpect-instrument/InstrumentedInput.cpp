#include "InstrumentedInput.h"

#include "clang/Lex/Lexer.h"

namespace inxpect {

std::optional<unsigned> findInstrumentedMarker(llvm::StringRef code,
                                               const clang::LangOptions &lang) {
  clang::Lexer lexer(clang::SourceLocation::getFromRawEncoding(1), lang, code.begin(),
                     code.begin(), code.end());
  clang::Token tok;
  while (true) {
    lexer.LexFromRawLexer(tok);
    if (tok.is(clang::tok::eof))
      return std::nullopt;
    if (tok.is(clang::tok::raw_identifier) && tok.getRawIdentifier() == "INXPECT_OBJECT")
      return tok.getLocation().getRawEncoding() - 1;
  }
}

} // namespace inxpect
