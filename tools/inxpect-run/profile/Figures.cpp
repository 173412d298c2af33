#include "profile/Figures.h"

namespace inxpect {

uint64_t sectionEntries(const Snapshot &s, unsigned id, const std::vector<EventInfo> &events) {
  uint64_t n = id < s.untimed.size() ? s.untimed[id] : 0;
  if (id < s.sections.size())
    for (const EventInfo &e : events)
      if (e.index < s.sections[id].size())
        n += s.sections[id][e.index].count;
  return n;
}

namespace {

// The probes do not cost the same everywhere: clang compiles each one into
// its place (registers, spills), unlike the calibration's empty sections.
// A quarter of what is subtracted is taken as the error of the subtraction:
// the accuracy benchmark's worst (docs/benchmarks.md, "The correction's
// model error": up to 24.5% in the guest, 21.4% on this host).
constexpr double kProbeModelError = 0.25;

// `mean` less `subtracted`, clamped at 0, uncertain within `spread` plus the
// model's share of the probes' cost it took out or added back (`moved`).
Corrected corrected(double mean, double subtracted, double spread, double moved) {
  Corrected c;
  c.mean = mean - subtracted;
  c.error = spread + kProbeModelError * moved;
  c.uncertain = c.mean <= c.error;
  if (c.mean < 0)
    c.mean = 0;
  return c;
}

} // namespace

std::optional<Corrected> correctedMean(const EventTotals &t, const ProbeCost &cost) {
  if (!t.count)
    return std::nullopt;
  double nestedPerEntry = double(t.nested) / t.count;
  double subtracted = cost.own.mean + nestedPerEntry * cost.nested.mean;
  return corrected(double(t.total) / t.count, subtracted,
                   cost.own.spread + nestedPerEntry * cost.nested.spread, subtracted);
}

std::optional<Corrected> correctedSelfMean(const EventTotals &t, const ProbeCost &cost) {
  if (!t.count || (t.nested && !t.passes))
    return std::nullopt;
  double nestedPerEntry = double(t.nested) / t.count;
  double inclusive = double(t.total) / t.count;
  double subtracted = cost.own.mean + nestedPerEntry * cost.nested.mean;
  double spread = cost.own.spread + nestedPerEntry * cost.nested.spread;
  double moved = subtracted;
  if (t.passes) {
    // The children's readings an entry, and their probes' share of them.
    double childrenPerPass = double(t.children) / t.passes;
    double theirNested = double(t.childrenNested) / t.passes;
    inclusive -= double(t.childrenTotal) / t.passes;
    double theirs = childrenPerPass * cost.own.mean + theirNested * cost.nested.mean;
    subtracted -= theirs;
    moved += theirs;
    spread += childrenPerPass * cost.own.spread + theirNested * cost.nested.spread;
  }
  return corrected(inclusive, subtracted, spread, moved);
}

ProfileFigures computeFigures(const ProfileInfo &info, const Snapshot &total,
                              const Snapshot &interval, double elapsedSeconds,
                              double intervalSeconds, bool final) {
  ProfileFigures f;
  f.final = final;
  f.elapsedSeconds = elapsedSeconds;
  f.intervalSeconds = intervalSeconds;
  f.runs = total.runs;
  f.runsPerSecond = intervalSeconds > 0 ? interval.runs / intervalSeconds : 0;
  f.runsPerSecondOverall = elapsedSeconds > 0 ? total.runs / elapsedSeconds : 0;
  for (const SectionRow &row : info.sections.rows()) {
    SectionFigures s;
    s.row = &row;
    s.on = row.id < info.sectionOn.size() ? info.sectionOn[row.id] : true;
    s.count = sectionEntries(total, row.id, info.events);
    s.perSecond = intervalSeconds > 0 ? sectionEntries(interval, row.id, info.events) / intervalSeconds : 0;
    for (std::size_t i = 0; i < info.events.size(); ++i) {
      const EventInfo &e = info.events[i];
      EventFigures ef;
      ef.name = e.name;
      ef.unit = e.unit;
      EventTotals t;
      if (row.id < total.sections.size() && e.index < total.sections[row.id].size())
        t = total.sections[row.id][e.index];
      ef.count = t.count;
      ef.total = t.total;
      ef.nested = t.nested;
      ef.passes = t.passes;
      ef.children = t.children;
      ef.childrenTotal = t.childrenTotal;
      ef.childrenNested = t.childrenNested;
      if (ef.count)
        ef.mean = double(ef.total) / ef.count;
      // info.probeCost is by event, in info.events' order.
      if (i < info.probeCost.size())
        if (std::optional<Corrected> c = correctedMean(t, info.probeCost[i])) {
          ef.inclusiveMean = c->mean;
          ef.uncertain = c->uncertain;
          ef.inclusiveError = c->error;
          std::optional<Corrected> self = correctedSelfMean(t, info.probeCost[i]);
          if (self && total.selfKept) {
            ef.selfMean = self->mean;
            ef.selfUncertain = self->uncertain;
            ef.selfError = self->error;
          }
          // The probes took the calibration out of each reading they binned.
          ef.distribution = percentilesOf(t.buckets);
        }
      s.events.push_back(ef);
    }
    if (row.id < total.cpuCounts.size())
      s.perCpu = total.cpuCounts[row.id];
    // The first event's entries by parent (the slot's event 0), corrected
    // as the section's own.
    if (row.id < total.byParent.size() && !info.probeCost.empty() && info.events[0].index == 0)
      for (const ParentTotals &p : total.byParent[row.id]) {
        std::optional<Corrected> c =
            correctedMean(EventTotals{p.count, p.total, p.nested}, info.probeCost[0]);
        s.byParent.push_back({p.count, c ? c->mean * p.count : 0});
      }
    f.sections.push_back(std::move(s));
  }
  // Share of the parent: of the first event's total, the part spent in this
  // section (a nested section's cost is part of its parent's).
  for (SectionFigures &s : f.sections) {
    if (!s.row->parent || *s.row->parent >= f.sections.size() || s.events.empty())
      continue;
    const SectionFigures &parent = f.sections[*s.row->parent];
    if (!parent.events.empty() && parent.events[0].total)
      s.shareOfParent = double(s.events[0].total) / parent.events[0].total;
  }
  return f;
}

ProfileFigures Report::figures() const {
  return computeFigures(info, stats, stats, elapsedSeconds, elapsedSeconds, /*final=*/true);
}

uint64_t sectionCount(const Report &report, unsigned sectionId) {
  return sectionEntries(report.stats, sectionId, report.info.events);
}

} // namespace inxpect
