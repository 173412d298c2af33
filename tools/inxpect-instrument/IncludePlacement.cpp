#include "IncludePlacement.h"

#include <algorithm>

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

// Lines holding code, or comments that do not close on their line, are busy;
// a line's #if depth is that of the first token after it begins.
std::vector<Line> describeLines(const SourceTokens &tokens) {
  std::vector<Line> lines = splitLines(tokens.code());
  size_t next = 0;
  for (const RawToken &t : tokens.tokens()) {
    unsigned first = lineOf(lines, t.begin);
    unsigned last = lineOf(lines, t.end - (t.end > t.begin ? 1 : 0));
    for (unsigned l = first; l <= last; ++l)
      lines[l].busy |= t.kind != clang::tok::comment || first != last;
    for (; next <= first; ++next)
      lines[next].conditionalDepth = t.conditionalDepth;
  }
  int depthAtEnd = tokens.tokens().empty() ? 0 : tokens.tokens().back().conditionalDepth;
  for (; next < lines.size(); ++next)
    lines[next].conditionalDepth = depthAtEnd;
  return lines;
}

} // namespace

std::optional<unsigned> findIncludeOffset(const SourceTokens &tokens, unsigned limit,
                                          const std::vector<OffsetRange> &declarations) {
  llvm::StringRef code = tokens.code();
  std::vector<Line> lines = describeLines(tokens);
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
