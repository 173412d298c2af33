#include "RegionSections.h"

#include <set>

#include "clang/AST/Attr.h"
#include "clang/Basic/SourceManager.h"

#include "LoopSections.h"

namespace inxpect {

namespace {

class RegionFinder {
public:
  RegionFinder(const std::vector<FunctionFacts> &functions, clang::ASTContext &ctx,
               const SourceTokens &tokens, Reporter &report)
      : functions_(functions), sm_(ctx.getSourceManager()), tokens_(tokens), report_(report) {}

  void region(const Marker &m) {
    const FunctionFacts *fn = functionAt(m);
    if (!fn)
      return;
    const StatementSlot *next = nullptr;
    for (const StatementSlot &slot : fn->slots)
      if (slot.span.begin >= m.end && (!next || slot.span.begin < next->span.begin))
        next = &slot;
    // The next statement: nothing but comments and preprocessor lines before it.
    bool codeBetween = !next;
    for (const RawToken *t = tokens_.firstCodeTokenFrom(m.end);
         next && t && t->begin < next->span.begin; t = tokens_.firstCodeTokenFrom(t->end))
      codeBetween |= !t->inDirective;
    if (codeBetween) {
      error(m, "inxpect:region " + m.name + " is not followed by a statement in this block");
      return;
    }
    PlannedSection s = base(m, *fn, next->span);
    s.open = next->span.begin;
    s.close = next->span.end;
    if (llvm::isa<clang::DeclStmt>(next->stmt)) {
      s.shape = ProbeShape::Range; // braces would hide the declared names
    } else if (const auto *attributed = llvm::dyn_cast<clang::AttributedStmt>(next->stmt)) {
      std::optional<unsigned> open = openBeforePragmas(*attributed, sm_, tokens_);
      if (!open) {
        error(m, "inxpect:region " + m.name +
                     " covers a statement under a #pragma that follows a preprocessor line");
        return;
      }
      s.open = *open;
    }
    regions_.push_back(s);
  }

  void range(const Marker &begin, const Marker &end) {
    const FunctionFacts *fn = functionAt(begin);
    if (!fn)
      return;
    const BlockFact *block = fn->innermostBlock(begin.begin);
    if (!block || fn->innermostBlock(end.begin) != block) {
      error(end, "inxpect:end " + end.name +
                     " is not in the same block as its inxpect:begin: a range covers "
                     "statements of one block");
      note(begin, "inxpect:begin " + begin.name + " is here");
      return;
    }
    const StatementSlot *first = nullptr, *last = nullptr;
    for (const StatementSlot &slot : fn->slots) {
      if (slot.block != block->block || slot.span.begin < begin.end || slot.span.end > end.begin)
        continue;
      if (!first || slot.span.begin < first->span.begin)
        first = &slot;
      if (!last || slot.span.end > last->span.end)
        last = &slot;
    }
    if (!first) {
      error(begin, "no statement between inxpect:begin " + begin.name + " and inxpect:end " +
                       end.name);
      return;
    }
    PlannedSection s = base(begin, *fn, {first->span.begin, last->span.end});
    s.shape = ProbeShape::Range;
    s.open = first->span.begin;
    s.close = last->span.end;
    regions_.push_back(s);
  }

  std::vector<PlannedSection> take() { return std::move(regions_); }
  void error(const Marker &m, const std::string &message) { report_.error(loc(m), message); }
  void note(const Marker &m, const std::string &message) { report_.note(loc(m), message); }

private:
  clang::SourceLocation loc(const Marker &m) const {
    return sm_.getComposedLoc(tokens_.file(), m.begin);
  }
  const FunctionFacts *functionAt(const Marker &m) {
    for (const FunctionFacts &fn : functions_)
      if (fn.file->id == tokens_.file() && fn.body.contains(m.begin))
        return &fn;
    error(m, "inxpect:" + std::string(m.kind == MarkerKind::Region ? "region" : "begin") + " " +
                 m.name + " is outside a function body: annotations mark statements");
    return nullptr;
  }
  PlannedSection base(const Marker &m, const FunctionFacts &fn, OffsetSpan span) const {
    PlannedSection s;
    s.section.name = m.name;
    s.section.kind = SectionKind::Region;
    s.section.function = fn.name;
    s.function = &fn;
    s.span = span;
    s.automatic = false;
    s.where = loc(m);
    return s;
  }

  const std::vector<FunctionFacts> &functions_;
  const clang::SourceManager &sm_;
  const SourceTokens &tokens_;
  Reporter &report_;
  std::vector<PlannedSection> regions_;
};

} // namespace

std::vector<PlannedSection> findRegionSections(const std::vector<Marker> &markers,
                                               const std::vector<FunctionFacts> &functions,
                                               clang::ASTContext &ctx, const SourceTokens &tokens,
                                               Reporter &report) {
  RegionFinder finder(functions, ctx, tokens, report);
  std::set<size_t> matchedEnds;
  for (size_t i = 0; i < markers.size(); ++i) {
    const Marker &m = markers[i];
    if (m.kind == MarkerKind::Region) {
      finder.region(m);
    } else if (m.kind == MarkerKind::Begin) {
      size_t j = i + 1;
      while (j < markers.size() && !(markers[j].kind == MarkerKind::End && markers[j].name == m.name &&
                                     !matchedEnds.count(j)))
        ++j;
      if (j == markers.size()) {
        finder.error(m, "inxpect:begin " + m.name + " has no matching inxpect:end " + m.name);
        continue;
      }
      matchedEnds.insert(j);
      finder.range(m, markers[j]);
    }
  }
  for (size_t i = 0; i < markers.size(); ++i)
    if (markers[i].kind == MarkerKind::End && !matchedEnds.count(i))
      finder.error(markers[i], "inxpect:end " + markers[i].name +
                                   " has no inxpect:begin " + markers[i].name + " before it");
  return finder.take();
}

} // namespace inxpect
