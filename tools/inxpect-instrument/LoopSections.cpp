#include "LoopSections.h"

#include <map>

#include "clang/AST/Attr.h"
#include "clang/Basic/SourceManager.h"

namespace inxpect {

std::optional<unsigned> openBeforePragmas(const clang::AttributedStmt &stmt,
                                          const clang::SourceManager &sm,
                                          const SourceTokens &tokens) {
  unsigned first = ~0u;
  for (const clang::Attr *a : stmt.getAttrs())
    first = std::min(first, sm.getFileOffset(sm.getExpansionLoc(a->getLocation())));
  const RawToken *before = tokens.lastCodeTokenBefore(tokens.lineStart(first));
  if (!before || before->inDirective)
    return std::nullopt;
  return before->end;
}

namespace {

void findLoopsOf(const FunctionFacts &fn, const clang::SourceManager &sm, Reporter &report,
                 std::vector<PlannedSection> &loops) {
  const SourceTokens &tokens = *fn.file->tokens;
  std::map<std::string, unsigned> seen; // names on one line get .2, .3, ...
  for (const LoopFact &loop : fn.loops) {
    clang::SourceLocation where = sm.getExpansionLoc(loop.loop->getBeginLoc());
    if (!loop.span) {
      report.note(where, std::string(loop.keyword) +
                             " loop comes from a macro expansion that holds more than the "
                             "loop: not instrumented");
      continue;
    }
    PlannedSection s;
    s.shape = ProbeShape::Wrap;
    s.function = &fn;
    s.span = *loop.span;
    s.open = loop.span->begin;
    s.close = loop.span->end;
    if (loop.pragmas) {
      std::optional<unsigned> open = openBeforePragmas(*loop.pragmas, sm, tokens);
      if (!open) {
        report.note(where, std::string(loop.keyword) +
                               " loop under a #pragma that follows a preprocessor line: "
                               "not instrumented");
        continue;
      }
      s.open = *open;
    }
    std::string name = fn.file->namePrefix() + fn.name + "." + loop.keyword + "@" + std::to_string(loop.line);
    unsigned n = ++seen[name];
    s.section.name = n == 1 ? name : name + "." + std::to_string(n);
    s.section.kind = SectionKind::Loop;
    s.section.function = fn.name;
    s.where = where;
    loops.push_back(s);
  }
}

} // namespace

std::vector<PlannedSection> findLoopSections(const std::vector<FunctionFacts> &functions,
                                             clang::ASTContext &ctx, Reporter &report) {
  std::vector<PlannedSection> loops;
  for (const FunctionFacts &fn : functions)
    findLoopsOf(fn, ctx.getSourceManager(), report, loops);
  return loops;
}

} // namespace inxpect
