#include "IncludePlacement.h"

#include <algorithm>

#include "ProbeText.h"

namespace inxpect {

namespace {

struct Line {
  unsigned begin = 0, end = 0; // [begin, end) without the newline
  bool busy = false;           // holds code, or part of a comment or directive spanning lines
  bool continued = false;      // starts inside a token, or after a backslash-newline
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
  llvm::StringRef code = tokens.code();
  std::vector<Line> lines = splitLines(code);
  size_t next = 0;
  for (const RawToken &t : tokens.tokens()) {
    unsigned first = lineOf(lines, t.begin);
    unsigned last = lineOf(lines, t.end - (t.end > t.begin ? 1 : 0));
    for (unsigned l = first; l <= last; ++l) {
      lines[l].busy |= t.kind != clang::tok::comment || first != last;
      lines[l].continued |= l > first;
    }
    for (; next <= first; ++next)
      lines[next].conditionalDepth = t.conditionalDepth;
  }
  int depthAtEnd = tokens.tokens().empty() ? 0 : tokens.tokens().back().conditionalDepth;
  for (; next < lines.size(); ++next)
    lines[next].conditionalDepth = depthAtEnd;
  // A line after a backslash-newline belongs to the line before it.
  for (size_t l = 1; l < lines.size(); ++l)
    lines[l].continued |=
        lines[l - 1].end > lines[l - 1].begin && code[lines[l - 1].end - 1] == '\\';
  return lines;
}

bool insideDeclaration(unsigned offset, const std::vector<OffsetRange> &declarations) {
  return std::any_of(declarations.begin(), declarations.end(),
                     [offset](const OffsetRange &d) { return d.first < offset && offset < d.second; });
}

// A line a directive may start: at file scope, where the code before it ends.
bool atFileScope(const Line &line, const std::vector<OffsetRange> &declarations) {
  return !line.continued && !insideDeclaration(line.begin, declarations);
}

std::vector<Insertion> onFreeLines(llvm::StringRef code, const std::vector<Line> &lines,
                                   const std::vector<unsigned> &free,
                                   const std::vector<std::string> &directives) {
  std::vector<Insertion> insertions;
  for (size_t i = 0; i < directives.size(); ++i) {
    const Line &line = lines[free[i]];
    // A comment on the line stays, after the directive.
    bool empty = code.slice(line.begin, line.end).trim().empty();
    insertions.push_back({line.begin, directives[i] + (empty ? "" : " ")});
  }
  return insertions;
}

// The directives as lines of their own before `limit`, then `#line N
// "SOURCE"` for the line they were put in front of: at its start when that
// is at file scope, else (code before `limit` on its line) right at `limit`.
Insertion onLinesOfTheirOwn(const std::vector<Line> &lines, unsigned limit,
                            const std::vector<OffsetRange> &declarations,
                            const std::vector<std::string> &directives,
                            const std::string &source) {
  unsigned l = lineOf(lines, limit);
  bool atLineStart = atFileScope(lines[l], declarations);
  std::string text = atLineStart ? "" : "\n";
  for (const std::string &directive : directives)
    text += directive + "\n";
  text += "#line " + std::to_string(l + 1) + " " + cStringLiteral(source) + "\n";
  return {atLineStart ? lines[l].begin : limit, text};
}

} // namespace

std::vector<Insertion> placePreamble(const SourceTokens &tokens, unsigned limit,
                                     const std::vector<OffsetRange> &declarations,
                                     const std::vector<std::string> &directives,
                                     const std::string &source) {
  llvm::StringRef code = tokens.code();
  std::vector<Line> lines = describeLines(tokens);
  std::vector<unsigned> free;
  for (unsigned l = 0; l < lines.size() && free.size() < directives.size(); ++l) {
    const Line &line = lines[l];
    if (line.begin >= limit || line.begin >= code.size())
      break;
    if (!line.busy && line.conditionalDepth == 0 && atFileScope(line, declarations))
      free.push_back(l);
  }
  if (free.size() == directives.size())
    return onFreeLines(code, lines, free, directives);
  return {onLinesOfTheirOwn(lines, limit, declarations, directives, source)};
}

} // namespace inxpect
