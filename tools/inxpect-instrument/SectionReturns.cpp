#include "SectionReturns.h"

#include <map>

namespace inxpect {

namespace {

struct Scope {
  unsigned id;
  OffsetSpan affects; // where a return leaves through this section's cleanup
  OffsetSpan block;   // the block to go around
};

// The scope of a section's probe other than the function body, if any.
std::optional<Scope> probeBlock(const FunctionFacts &fn, const PlannedSection &s) {
  unsigned id = s.section.id;
  if (s.shape == ProbeShape::FunctionStart)
    return std::nullopt;
  if (s.shape == ProbeShape::Wrap)
    return Scope{id, {s.open, s.close}, {s.open, s.close}};
  // A range or a manual trace: its probe is declared in a block and stays in
  // scope to the block's end, even after its explicit end.
  unsigned begin = s.shape == ProbeShape::Range ? s.open : s.span.begin;
  const BlockFact *b = fn.innermostBlock(begin);
  if (!b || b->span.begin + 1 == fn.body.begin || b->statementExpression)
    return std::nullopt; // the function's top level: only returns leave it
  return Scope{id, {begin, b->span.end - 1}, b->span};
}

} // namespace

std::vector<DivertedSection> divertedReturns(const FunctionFacts &fn,
                                             const std::vector<PlannedSection> &sections) {
  if (fn.returnType.empty())
    return {};
  std::vector<Scope> scopes;
  for (const PlannedSection &s : sections)
    if (s.function == &fn)
      if (std::optional<Scope> scope = probeBlock(fn, s))
        scopes.push_back(*scope);
  std::map<unsigned, DivertedSection> byId; // in id order: source order
  for (const ReturnFact &r : fn.returns) {
    if (!r.value)
      continue;
    const Scope *outermost = nullptr;
    for (const Scope &scope : scopes) // in id order: on a tie, the outer section first
      if (scope.affects.contains(r.offset) &&
          (!outermost || (scope.block.contains(outermost->block) &&
                          !outermost->block.contains(scope.block))))
        outermost = &scope;
    if (!outermost)
      continue;
    DivertedSection &d = byId.try_emplace(outermost->id, DivertedSection{outermost->id, outermost->block, {}})
                             .first->second;
    d.values.push_back(*r.value);
  }
  std::vector<DivertedSection> out;
  for (auto &[id, d] : byId)
    out.push_back(std::move(d));
  return out;
}

} // namespace inxpect
