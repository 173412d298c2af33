#include "SectionPlan.h"

#include <algorithm>
#include <map>
#include <set>

#include "clang/Basic/SourceManager.h"

#include "ProbeText.h"
#include "SectionReturns.h"

namespace inxpect {

namespace {

int kindOrder(SectionKind k) {
  switch (k) {
  case SectionKind::Function: return 0;
  case SectionKind::Region: return 1;
  case SectionKind::Loop: return 2;
  case SectionKind::Manual: return 3;
  }
  return 4;
}

// The code a section's probe variable is in scope for: the wrap's braces, or
// from a range's BEGIN to the end of its block.
OffsetSpan probeScope(const PlannedSection &s) {
  if (s.shape == ProbeShape::Range) {
    const BlockFact *block = s.function->innermostBlock(s.open);
    return {s.open, block ? block->span.end - 1 : s.function->body.end};
  }
  return {s.open, s.close};
}

// Why a jump would enter the section's scope past its probe (clang rejects
// jumping past a variable with a cleanup), or "" when none does.
std::string jumpInto(const PlannedSection &s) {
  OffsetSpan scope = probeScope(s);
  for (const GotoFact &g : s.function->gotos)
    if (scope.contains(g.to) && g.to != scope.begin && !scope.contains(g.from))
      return "a goto from outside jumps to a label inside it";
  for (const CaseFact &c : s.function->cases)
    if (scope.contains(c.label) && c.switchBegin < scope.begin)
      return "a case label inside it belongs to a switch outside it";
  return "";
}

SourcePos positionAt(const clang::SourceManager &sm, clang::FileID file, unsigned offset) {
  clang::SourceLocation loc = sm.getComposedLoc(file, offset);
  return {sm.getExpansionLineNumber(loc), sm.getExpansionColumnNumber(loc)};
}

class Planner {
public:
  Planner(const std::vector<FunctionFacts> &functions, const clang::SourceManager &sm,
          Reporter &report)
      : functions_(functions), sm_(sm), report_(report) {}

  RewritePlan run(std::vector<PlannedSection> sections) {
    std::stable_sort(sections.begin(), sections.end(), [](const auto &a, const auto &b) {
      if (a.function->file != b.function->file)
        return a.function->file->index < b.function->file->index;
      if (a.span.begin != b.span.begin)
        return a.span.begin < b.span.begin;
      if (a.span.end != b.span.end)
        return a.span.end > b.span.end;
      return kindOrder(a.section.kind) < kindOrder(b.section.kind);
    });
    for (PlannedSection &s : sections)
      if (keep(s))
        plan_.sections.push_back(std::move(s));
    checkNames();
    for (size_t i = 0; i < plan_.sections.size(); ++i)
      finish(plan_.sections[i], static_cast<unsigned>(i));
    for (const FunctionFacts &fn : functions_) {
      functionStart(fn);
      divertReturns(fn);
    }
    endBeforeTailCalls();
    return std::move(plan_);
  }

private:
  bool keep(const PlannedSection &s) {
    if (s.shape != ProbeShape::Wrap && s.shape != ProbeShape::Range)
      return true;
    std::string why = jumpInto(s);
    if (why.empty())
      return true;
    std::string what = std::string(kindName(s.section.kind)) + " '" + s.section.name + "'";
    if (s.automatic)
      report_.note(s.where, what + " is not instrumented: " + why);
    else
      report_.error(s.where, what + " cannot be made a section: " + why +
                                 ", and jumping past its probe is not allowed");
    return false;
  }

  // Names are unique, and so are the names a header's probes spell their
  // ids with (two names may differ only in what is not a letter or digit).
  void checkNames() {
    std::map<std::string, const PlannedSection *> byName, byProbeId;
    for (const PlannedSection &s : plan_.sections) {
      if (!s.function->file->isSource()) {
        auto [other, fresh] = byProbeId.emplace(headerProbeId(s.section.name), &s);
        if (!fresh && other->second->section.name != s.section.name)
          report_.error(s.where, "sections '" + other->second->section.name + "' and '" +
                                     s.section.name + "' would get the same probe name '" +
                                     other->first + "': rename one");
      }
      auto [it, fresh] = byName.emplace(s.section.name, &s);
      if (fresh)
        continue;
      const PlannedSection &later = s.automatic && !it->second->automatic ? *it->second : s;
      const PlannedSection &other = &later == &s ? *it->second : s;
      report_.error(later.where, "section name '" + s.section.name + "' is used twice");
      report_.note(other.where, "the other '" + s.section.name + "' is here");
    }
  }

  void finish(PlannedSection &s, unsigned id) {
    const RewrittenFile &file = *s.function->file;
    s.section.id = id;
    s.section.file = file.shownPath;
    s.section.begin = positionAt(sm_, file.id, s.span.begin);
    s.section.end = positionAt(sm_, file.id, s.span.end - 1);
    s.probeId = file.isSource() ? sourceProbeId(id) : headerProbeId(s.section.name);
    // The parent: the innermost earlier section of the file that covers this one.
    for (unsigned p = id; p-- > 0;)
      if (plan_.sections[p].function->file == &file && plan_.sections[p].span.contains(s.span)) {
        s.section.parent = p;
        break;
      }
    const FunctionFacts &fn = *s.function;
    switch (s.shape) {
    case ProbeShape::FunctionStart:
      add(fn, s.open, openingProbe({s.probeId, s.entry}), {Phase::Standalone});
      break;
    case ProbeShape::Wrap:
      add(fn, s.open, scopeOpen(s.probeId), {Phase::SectionOpen, id});
      add(fn, s.close, "}", {Phase::SectionClose, id});
      break;
    case ProbeShape::Range:
      add(fn, s.open, rangeOpen(s.probeId), {Phase::SectionOpen, id});
      add(fn, s.close, rangeClose(s.probeId), {Phase::SectionClose, id});
      endBeforeGotosLeaving(s);
      break;
    case ProbeShape::Manual:
      add(fn, s.open, ", " + s.probeId, {Phase::Standalone});
      break;
    }
  }

  // A goto from inside a range to a label its probe is still in scope at
  // would skip INXPECT_END: end the range in front of it.
  void endBeforeGotosLeaving(const PlannedSection &s) {
    OffsetSpan range{s.open, s.close};
    for (const GotoFact &g : s.function->gotos)
      if (range.contains(g.from) && !range.contains(g.to)) {
        add(*s.function, g.stmt.begin, endsBeforeGoto({s.probeId}), {Phase::EndsBeforeGotoOpen});
        add(*s.function, g.stmt.end, "}", {Phase::EndsBeforeGotoClose});
      }
  }

  // Every function with a section in it gets the run state once at its top;
  // every entry program starts runs, section or not.
  void functionStart(const FunctionFacts &fn) {
    bool isSection = false, holdsSections = false;
    for (const PlannedSection &s : plan_.sections) {
      if (s.function != &fn)
        continue;
      isSection |= s.shape == ProbeShape::FunctionStart;
      holdsSections |= s.shape == ProbeShape::Wrap || s.shape == ProbeShape::Range;
    }
    if (isSection || plan_.sections.empty())
      return;
    if (fn.entry)
      add(fn, fn.body.begin, runStart(), {Phase::Standalone});
    else if (holdsSections)
      add(fn, fn.body.begin, contextStart(), {Phase::Standalone});
  }

  // A return that leaves a section other than the function's own goes to
  // the end of the outermost such section first (SectionReturns.h says why).
  void divertReturns(const FunctionFacts &fn) {
    std::vector<DivertedSection> diverted = divertedReturns(fn, plan_.sections);
    if (diverted.empty())
      return;
    add(fn, fn.body.begin, returnValueDeclaration(fn.returnType, fn.returnsRecord),
        {Phase::ReturnValueDeclaration});
    for (const DivertedSection &d : diverted) {
      const std::string &id = plan_.sections[d.id].probeId;
      add(fn, d.block.begin, divertedBlockOpen(),
          {Phase::SectionOpen, d.id, Layer::DivertedBlock});
      add(fn, d.block.end, divertedBlockClose(id),
          {Phase::SectionClose, d.id, Layer::DivertedBlock});
      for (const OffsetSpan &value : d.values) {
        add(fn, value.begin, divertedValueOpen(), {Phase::DivertedValueOpen});
        add(fn, value.end, divertedValueClose(id), {Phase::DivertedValueClose});
      }
    }
  }

  // bpf_tail_call does not come back when it succeeds: every section open
  // around it ends just before it. A call to a function that may tail-call
  // ends the caller's open sections the same way.
  void endBeforeTailCalls() {
    std::set<const clang::FunctionDecl *> mayTailCall;
    for (bool grew = true; grew;) {
      grew = false;
      for (const FunctionFacts &fn : functions_) {
        bool does = !fn.tailCalls.empty();
        for (const CallFact &c : fn.calls)
          does |= mayTailCall.count(c.callee->getCanonicalDecl()) > 0;
        if (does)
          grew |= mayTailCall.insert(fn.decl->getCanonicalDecl()).second;
      }
    }
    for (const FunctionFacts &fn : functions_) {
      for (const CallFact &c : fn.tailCalls)
        endBeforeCall(fn, c, "bpf_tail_call");
      for (const CallFact &c : fn.calls)
        if (mayTailCall.count(c.callee->getCanonicalDecl()))
          endBeforeCall(fn, c, "a call that may tail-call");
    }
  }

  void endBeforeCall(const FunctionFacts &fn, const CallFact &call, const char *what) {
    std::vector<const PlannedSection *> open;
    for (const PlannedSection &s : plan_.sections)
      if (s.function == &fn && s.shape != ProbeShape::Manual &&
          (s.shape == ProbeShape::Range ? OffsetSpan{s.open, s.close} : s.span).contains(call.offset))
        open.push_back(&s);
    if (open.empty())
      return;
    if (!call.span) {
      report_.warning(sm_.getComposedLoc(fn.file->id, call.offset),
                      std::string(what) + " inside a macro expansion: the sections open around "
                                          "it are not ended before it, and lose this run");
      return;
    }
    std::sort(open.begin(), open.end(), [](const auto *a, const auto *b) {
      return a->section.id > b->section.id; // innermost first
    });
    std::vector<std::string> ids;
    for (const PlannedSection *s : open)
      ids.push_back(s->probeId);
    add(fn, call.span->begin, endsBeforeCall(ids), {Phase::EndsBeforeCallOpen});
    add(fn, call.span->end, ")", {Phase::EndsBeforeCallClose});
  }

  void add(const FunctionFacts &in, unsigned offset, std::string text, InsertionOrder order) {
    if (in.file->isSource())
      plan_.firstInsertion = std::min(plan_.firstInsertion, offset);
    plan_.insertions[in.file->index].push_back({offset, std::move(text), order});
  }

  const std::vector<FunctionFacts> &functions_;
  const clang::SourceManager &sm_;
  Reporter &report_;
  RewritePlan plan_;
};

} // namespace

RewritePlan planRewrite(std::vector<PlannedSection> sections,
                        const std::vector<FunctionFacts> &functions,
                        const clang::SourceManager &sm, Reporter &report) {
  return Planner(functions, sm, report).run(std::move(sections));
}

} // namespace inxpect
