#include "profile/Figures.h"

namespace inxpect {

uint64_t sectionEntries(const Snapshot &s, unsigned id, const std::vector<EventInfo> &events) {
  uint64_t n = 0;
  if (id < s.sections.size())
    for (const EventInfo &e : events)
      if (e.index < s.sections[id].size())
        n += s.sections[id][e.index].count;
  return n;
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
  for (const SectionRow &row : info.sections.rows()) {
    SectionFigures s;
    s.row = &row;
    s.on = row.id < info.sectionOn.size() ? info.sectionOn[row.id] : true;
    s.count = sectionEntries(total, row.id, info.events);
    s.perSecond = intervalSeconds > 0 ? sectionEntries(interval, row.id, info.events) / intervalSeconds : 0;
    for (const EventInfo &e : info.events) {
      EventFigures ef;
      ef.name = e.name;
      ef.unit = e.unit;
      if (row.id < total.sections.size() && e.index < total.sections[row.id].size()) {
        ef.count = total.sections[row.id][e.index].count;
        ef.total = total.sections[row.id][e.index].total;
      }
      if (ef.count)
        ef.mean = double(ef.total) / ef.count;
      s.events.push_back(ef);
    }
    if (row.id < total.cpuCounts.size())
      s.perCpu = total.cpuCounts[row.id];
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
