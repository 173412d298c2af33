#include "IncludePlacement.h"

#include <algorithm>

#include "clang/Basic/SourceLocation.h"
#include "clang/Lex/Lexer.h"

namespace inxpect {

namespace {

struct Line {
  unsigned begin = 0, end = 0; // [begin, end) without the newline
  bool busy = false;           // holds code, or part of a comment or directive spanning lines
  int conditionalDepth = 0;    // #if nesting at the start of the line
};

std::vector<Line> splitLines(llvm::StringRef code) {
  std::vector<Line> lines;
  unsigned begin = 0;
  for (unsigned i = 0; i <= code.size(); ++i) {
    if (i == code.size() || code[i] == '\n') {
      lines.push_back({begin, i});
      begin = i + 1;
    }
  }
  return lines;
}

unsigned lineOf(const std::vector<Line> &lines, unsigned offset) {
  auto it = std::upper_bound(lines.begin(), lines.end(), offset,
                             [](unsigned off, const Line &l) { return off < l.begin; });
  return static_cast<unsigned>(it - lines.begin()) - 1;
}

// Marks lines that hold tokens, or comments that do not close on their line,
// and records the #if depth at each line, with the raw lexer (no macros).
void lexLines(llvm::StringRef code, const clang::LangOptions &lang, std::vector<Line> &lines) {
  clang::Lexer lexer(clang::SourceLocation::getFromRawEncoding(1), lang, code.begin(),
                     code.begin(), code.end());
  lexer.SetCommentRetentionState(true);
  int depth = 0;
  std::vector<std::pair<unsigned, int>> depthAfter; // (line, depth from the next line on)
  bool directiveStart = false;
  clang::Token tok;
  auto offsetOf = [&](const clang::Token &t) {
    return t.getLocation().getRawEncoding() - 1;
  };
  while (true) {
    lexer.LexFromRawLexer(tok);
    if (tok.is(clang::tok::eof))
      break;
    unsigned first = lineOf(lines, offsetOf(tok));
    unsigned last = lineOf(lines, offsetOf(tok) + tok.getLength() - (tok.getLength() ? 1 : 0));
    bool comment = tok.is(clang::tok::comment);
    for (unsigned l = first; l <= last; ++l)
      if (!comment || first != last)
        lines[l].busy = true;
    if (tok.is(clang::tok::hash) && tok.isAtStartOfLine()) {
      directiveStart = true;
      continue;
    }
    if (directiveStart && tok.is(clang::tok::raw_identifier)) {
      llvm::StringRef word = tok.getRawIdentifier();
      if (word == "if" || word == "ifdef" || word == "ifndef")
        ++depth;
      else if (word == "endif")
        --depth;
      depthAfter.push_back({first, depth});
    }
    directiveStart = false;
  }
  size_t next = 0;
  int current = 0;
  for (unsigned l = 0; l < lines.size(); ++l) {
    lines[l].conditionalDepth = current;
    while (next < depthAfter.size() && depthAfter[next].first == l)
      current = depthAfter[next++].second;
  }
}

} // namespace

std::optional<unsigned> findIncludeOffset(llvm::StringRef code, const clang::LangOptions &lang,
                                          unsigned limit,
                                          const std::vector<OffsetRange> &declarations) {
  std::vector<Line> lines = splitLines(code);
  lexLines(code, lang, lines);
  for (size_t l = 0; l < lines.size(); ++l) {
    const Line &line = lines[l];
    if (line.begin >= limit || line.begin >= code.size())
      break;
    if (line.busy || line.conditionalDepth != 0)
      continue;
    // A line after a backslash-newline belongs to the line before it.
    if (l > 0 && lines[l - 1].end > lines[l - 1].begin && code[lines[l - 1].end - 1] == '\\')
      continue;
    bool insideDeclaration = false;
    for (const OffsetRange &d : declarations)
      insideDeclaration |= d.first < line.begin && line.begin < d.second;
    if (!insideDeclaration)
      return line.begin;
  }
  return std::nullopt;
}

} // namespace inxpect
