#include "SourceTokens.h"

#include <algorithm>

#include "clang/Lex/Lexer.h"

namespace inxpect {

SourceTokens::SourceTokens(llvm::StringRef code, const clang::LangOptions &lang,
                           clang::FileID file)
    : code_(code), file_(file) {
  clang::Lexer lexer(clang::SourceLocation::getFromRawEncoding(1), lang, code.begin(),
                     code.begin(), code.end());
  lexer.SetCommentRetentionState(true);
  bool inDirective = false, directiveWord = false;
  int depth = 0, depthFromNextLine = 0; // a directive's own line keeps the old depth
  clang::Token tok;
  while (true) {
    lexer.LexFromRawLexer(tok);
    if (tok.is(clang::tok::eof))
      break;
    // A directive runs from a `#` that starts a line to the next line start
    // (the raw lexer folds backslash-newlines into the same line).
    if (tok.isAtStartOfLine()) {
      inDirective = directiveWord = tok.is(clang::tok::hash);
      depth = depthFromNextLine;
    }
    unsigned begin = tok.getLocation().getRawEncoding() - 1;
    RawToken raw{tok.getKind(), begin, begin + tok.getLength(), inDirective, depth, {}};
    if (tok.is(clang::tok::raw_identifier))
      raw.identifier = tok.getRawIdentifier();
    if (directiveWord && tok.isNot(clang::tok::hash) && tok.isNot(clang::tok::comment)) {
      directiveWord = false;
      if (raw.identifier == "if" || raw.identifier == "ifdef" || raw.identifier == "ifndef")
        ++depthFromNextLine;
      else if (raw.identifier == "endif")
        --depthFromNextLine;
    }
    tokens_.push_back(raw);
  }
}

const RawToken *SourceTokens::lastCodeTokenBefore(unsigned offset) const {
  auto it = std::upper_bound(tokens_.begin(), tokens_.end(), offset,
                             [](unsigned off, const RawToken &t) { return off < t.end; });
  while (it != tokens_.begin()) {
    --it;
    if (it->kind != clang::tok::comment)
      return &*it;
  }
  return nullptr;
}

const RawToken *SourceTokens::firstCodeTokenFrom(unsigned offset) const {
  auto it = std::lower_bound(tokens_.begin(), tokens_.end(), offset,
                             [](const RawToken &t, unsigned off) { return t.begin < off; });
  for (; it != tokens_.end(); ++it)
    if (it->kind != clang::tok::comment)
      return &*it;
  return nullptr;
}

unsigned SourceTokens::lineStart(unsigned offset) const {
  size_t nl = code_.substr(0, offset).rfind('\n');
  return nl == llvm::StringRef::npos ? 0 : static_cast<unsigned>(nl + 1);
}

} // namespace inxpect
