// The table's text: a header that says what ran, then one row a section.
#include "views/TableText.h"

#include "views/TextTable.h"

#include <algorithm>
#include <sstream>

namespace inxpect {

namespace {

std::string samplingText(uint32_t every) {
  return every == 1 ? "every run" : "1 run in " + std::to_string(every);
}

// A corrected cost, `?` when uncertain, the mark in a column of its own
// width so the numbers align; `-` when there is none.
std::string markedCost(const std::optional<double> &cost, bool uncertain, const std::string &unit) {
  if (!cost)
    return "-  ";
  return fixed(*cost, 1) + " " + unit + (uncertain ? " ?" : "  ");
}

// The lines above the table: the counter, the program, the runs and how
// each event is sampled; a replay adds its packets and verdicts.
std::string header(const ProfileInfo &info, const ProfileFigures &f) {
  std::ostringstream text;
  text << info.counter.describe(info.events) << "\n";
  for (const ProbeCost &c : info.probeCost)
    text << "probe cost (" << c.event << "): " << fixed(c.own.mean, 1) << " +- "
         << fixed(c.own.spread, 1) << " " << c.unit << " in a section's own reading, "
         << fixed(c.nested.mean, 1) << " +- " << fixed(c.nested.spread, 1) << " " << c.unit
         << " for each section entered inside it\n";
  std::string sampling;
  for (const EventInfo &e : info.events)
    sampling += "  " + e.name + ": " + samplingText(e.sampleEvery);
  if (const std::optional<ReplayTraffic> &replay = info.replay) {
    text << "program: " << info.program << " (" << info.object << ")  runs: " << f.runs << " ("
         << replay->packets << " packets x " << replay->passes
         << (replay->passes == 1 ? " pass" : " passes") << ")" << sampling << "\nverdicts:";
    for (unsigned a = 0; a < kXdpActions; ++a)
      text << (a ? ", " : " ") << xdpActionName(a) << " " << replay->verdicts.byAction[a];
    if (replay->verdicts.other)
      text << ", other " << replay->verdicts.other;
    text << "\n\n";
    return text.str();
  }
  text << "program: " << info.program << " (id " << info.programId << ")";
  if (!info.device.empty())
    text << " on " << info.device;
  if (!info.object.empty())
    text << "  object: " << info.object;
  text << "\n"
       << (f.final ? "final" : "live") << " after " << fixed(f.elapsedSeconds, 1)
       << " s  runs: " << f.runs << "  runs/s: " << fixed(f.runsPerSecond, 0)
       << (f.final ? " in the last " + fixed(f.intervalSeconds, 1) + " s, " +
                         fixed(f.runsPerSecondOverall, 0) + " overall"
                   : std::string(""))
       << sampling
       << "\n\n";
  return text.str();
}

} // namespace

TableText tableText(const ProfileInfo &info, const ProfileFigures &f, const TableColumns &shown) {
  // A replay's figures are totals over one batch of packets: its table has
  // each event's total; a live one has rates, shares and, asked, CPUs.
  bool live = !info.replay;
  // Calibrated, the table shows the inclusive cost; --raw, the readings.
  bool corrected = !shown.raw && !info.probeCost.empty();
  bool readings = !corrected || shown.sortable;
  bool totals = !live || shown.sortable;
  bool uncertain = false;
  std::vector<std::string> head = {"id", "section", "kind", "count"};
  std::vector<bool> right = {true, false, false, true};
  auto column = [&](std::string name) {
    head.push_back(std::move(name));
    right.push_back(true);
  };
  for (const EventInfo &e : info.events) {
    if (readings) {
      column("mean " + e.name);
      if (totals)
        column("total " + e.name);
    }
    if (corrected) {
      column("incl " + e.name);
      column("self " + e.name);
      column("p50 " + e.name);
      column("p99 " + e.name);
    }
  }
  if (live) {
    column("% parent");
    column("/s");
    if (shown.perCpu)
      for (unsigned c = 0; c < info.ncpus; ++c)
        column("cpu" + std::to_string(c));
  }
  std::vector<std::vector<std::string>> rows = {head};
  for (const SectionFigures &s : f.sections) {
    std::vector<std::string> row = {std::to_string(s.row->id),
                                    std::string(2 * s.row->depth, ' ') + s.row->name +
                                        (s.on ? "" : " (off)"),
                                    s.row->kind, std::to_string(s.count)};
    for (const EventFigures &e : s.events) {
      if (readings) {
        row.push_back(e.mean ? fixed(*e.mean, 1) + " " + e.unit : "-");
        if (totals)
          row.push_back(std::to_string(e.total) + " " + e.unit);
      }
      if (corrected) {
        uncertain |= e.uncertain || (e.selfMean && e.selfUncertain);
        row.push_back(markedCost(e.inclusiveMean, e.uncertain, e.unit));
        row.push_back(markedCost(e.selfMean, e.selfUncertain, e.unit));
        row.push_back(e.distribution ? fixed(e.distribution->p50, 0) + " " + e.unit : "-");
        row.push_back(e.distribution ? fixed(e.distribution->p99, 0) + " " + e.unit : "-");
      }
    }
    if (live) {
      row.push_back(s.shareOfParent ? fixed(100 * *s.shareOfParent, 1) + "%" : "-");
      row.push_back(fixed(s.perSecond, 0));
      if (shown.perCpu)
        for (unsigned c = 0; c < info.ncpus; ++c)
          row.push_back(c < s.perCpu.size() ? std::to_string(s.perCpu[c]) : "0");
    }
    rows.push_back(std::move(row));
  }

  TableText text;
  text.header = header(info, f);
  std::vector<std::string> lines = textTableLines(rows, right);
  text.columns = lines.front();
  text.rows.assign(lines.begin() + 1, lines.end());
  if (corrected)
    text.legend = "incl: a section's cost an entry, the probes' own taken out (its own and "
                  "those of the sections measured inside it); self: less what the sections "
                  "measured directly inside it cost; p50, p99: an entry's incl cost at the median "
                  "and the 99th percentile (within 6.25%); --raw shows the readings as taken";
  if (uncertain)
    text.uncertainMark = "?: within the calibration's error of the probes' cost: about 0, or less "
                         "precise than it looks";
  return text;
}

} // namespace inxpect
