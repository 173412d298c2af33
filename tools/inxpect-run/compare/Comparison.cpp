#include "compare/Comparison.h"

#include <algorithm>
#include <functional>

namespace inxpect {

const char *verdictName(Verdict verdict) {
  switch (verdict) {
  case Verdict::Faster:
    return "faster";
  case Verdict::Slower:
    return "slower";
  case Verdict::Same:
    break;
  }
  return "same";
}

std::vector<const SectionComparison *> Comparison::slower() const {
  std::vector<const SectionComparison *> out;
  for (const SectionComparison &s : sections)
    if (s.verdict == Verdict::Slower)
      out.push_back(&s);
  return out;
}

int Comparison::exitStatus() const { return slower().empty() ? 0 : kSlowerExitStatus; }

Verdict verdictOf(const CostComparison &cost, double threshold) {
  if (!cost.measured || cost.uncertain || !cost.change.change)
    return Verdict::Same;
  double difference = cost.change.b - cost.change.a;
  if (cost.change.low > threshold && difference > cost.error)
    return Verdict::Slower;
  if (cost.change.high < -threshold && -difference > cost.error)
    return Verdict::Faster;
  return Verdict::Same;
}

namespace {

const SectionFigures *findSection(const ProfileFigures &figures, const std::string &name) {
  for (const SectionFigures &s : figures.sections)
    if (s.row->name == name)
      return &s;
  return nullptr;
}

// One corrected cost of an event's figures: inclusive or self.
struct Cost {
  std::optional<double> mean;
  bool uncertain = false;
  double error = 0;
};
using CostOf = std::function<Cost(const EventFigures &)>;

// The cost in each round, of the first event of section `index` (the same
// row in every round: one table a build).
std::vector<double> roundCosts(const MeasuredBuild &build, std::size_t index, const CostOf &costOf) {
  std::vector<double> out;
  for (const ProfileFigures &round : build.rounds)
    if (index < round.sections.size() && !round.sections[index].events.empty())
      if (std::optional<double> v = costOf(round.sections[index].events[0]).mean)
        out.push_back(*v);
  return out;
}

// Every entry timed (no stratum sampled it): in the guest its rounds then
// differ only by what disturbed them.
bool everyEntryTimed(const SectionFigures &s) {
  return !s.events.empty() && s.events[0].count == s.count;
}

std::size_t indexOf(const ProfileFigures &figures, const SectionFigures *section) {
  return std::size_t(section - figures.sections.data());
}

CostComparison compareCost(const MeasuredBuild &a, const SectionFigures &sa, const MeasuredBuild &b,
                           const SectionFigures &sb, const CostOf &costOf,
                           RoundStatistic statistic) {
  CostComparison c;
  if (sa.events.empty() || sb.events.empty())
    return c;
  Cost ta = costOf(sa.events[0]), tb = costOf(sb.events[0]);
  std::vector<double> ra = roundCosts(a, indexOf(a.total, &sa), costOf);
  std::vector<double> rb = roundCosts(b, indexOf(b.total, &sb), costOf);
  c.measured = ta.mean && tb.mean && !ra.empty() && !rb.empty();
  if (!c.measured)
    return c;
  c.uncertain = ta.uncertain || tb.uncertain;
  c.error = std::max(ta.error, tb.error);
  c.statistic = statistic;
  c.change = relativeChange(ra, rb, statistic);
  return c;
}

} // namespace

void compareSections(const MeasuredBuild &a, const MeasuredBuild &b, Comparison &into) {
  if (!a.info.events.empty()) {
    into.event = a.info.events[0].name;
    into.unit = a.info.events[0].unit;
  }
  CostOf inclusive = [](const EventFigures &e) {
    return Cost{e.inclusiveMean, e.uncertain, e.inclusiveError};
  };
  CostOf self = [](const EventFigures &e) { return Cost{e.selfMean, e.selfUncertain, e.selfError}; };
  for (const SectionFigures &sa : a.total.sections) {
    const SectionFigures *sb = findSection(b.total, sa.row->name);
    if (!sb) {
      into.removed.push_back({sa.row->name, sa.row->kind});
      continue;
    }
    if (!sa.on || !sb->on)
      continue; // not asked for (--sections): not measured

    SectionComparison s;
    s.name = sa.row->name;
    s.kind = sa.row->kind;
    s.depth = sa.row->depth;
    s.entriesA = sa.count;
    s.entriesB = sb->count;
    RoundStatistic statistic = everyEntryTimed(sa) && everyEntryTimed(*sb)
                                   ? into.statistic
                                   : RoundStatistic::Median;
    s.inclusive = compareCost(a, sa, b, *sb, inclusive, statistic);
    s.self = compareCost(a, sa, b, *sb, self, statistic);
    s.verdict = verdictOf(s.inclusive, into.threshold);
    into.sections.push_back(std::move(s));
  }
  for (const SectionFigures &sb : b.total.sections)
    if (!findSection(a.total, sb.row->name))
      into.added.push_back({sb.row->name, sb.row->kind});
}

} // namespace inxpect
