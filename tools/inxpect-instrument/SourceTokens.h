// One rewritten file's raw tokens (the lexer without the preprocessor, comments
// kept): what the rewriter needs to see that the AST does not show, such as
// annotation comments, the token before a #pragma, and preprocessor lines.
#pragma once

#include <optional>
#include <vector>

#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/TokenKinds.h"
#include "llvm/ADT/StringRef.h"

namespace inxpect {

struct RawToken {
  clang::tok::TokenKind kind;
  unsigned begin, end;      // file offsets, [begin, end)
  bool inDirective = false; // part of a preprocessor line (#include, #pragma, ...)
  int conditionalDepth = 0; // #if/#ifdef/#ifndef blocks open around its line
  llvm::StringRef identifier; // the spelling of a raw identifier (keywords too)
};

class SourceTokens {
public:
  SourceTokens(llvm::StringRef code, const clang::LangOptions &lang, clang::FileID file = {});

  const std::vector<RawToken> &tokens() const { return tokens_; }
  llvm::StringRef code() const { return code_; }
  clang::FileID file() const { return file_; } // the file the offsets are in
  llvm::StringRef text(const RawToken &t) const { return code_.slice(t.begin, t.end); }
  // The last token, comments excluded, that ends at or before `offset`.
  const RawToken *lastCodeTokenBefore(unsigned offset) const;
  // The first token, comments excluded, that starts at or after `offset`.
  const RawToken *firstCodeTokenFrom(unsigned offset) const;
  // Offset of the start of the line holding `offset`.
  unsigned lineStart(unsigned offset) const;

private:
  llvm::StringRef code_;
  clang::FileID file_;
  std::vector<RawToken> tokens_;
};

} // namespace inxpect
