#include "profile/Report.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include <nlohmann/json.hpp>

namespace inxpect {

namespace {

const EventTotals *totalsOf(const Report &r, unsigned sectionId, const EventInfo &event) {
  if (sectionId >= r.stats.sections.size() || event.index >= r.stats.sections[sectionId].size())
    return nullptr;
  return &r.stats.sections[sectionId][event.index];
}

std::string fixed1(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string samplingText(uint32_t every) {
  return every == 1 ? "every run" : "1 run in " + std::to_string(every);
}

// Columns padded to their widest cell; text left-aligned, numbers right-aligned.
std::string layoutTable(const std::vector<std::vector<std::string>> &rows,
                        const std::vector<bool> &alignRight) {
  std::vector<std::size_t> width(alignRight.size(), 0);
  for (const auto &row : rows)
    for (std::size_t c = 0; c < row.size(); ++c)
      width[c] = std::max(width[c], row[c].size());
  std::ostringstream out;
  for (const auto &row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      std::string pad(width[c] - row[c].size(), ' ');
      line += (c ? "  " : "") + (alignRight[c] ? pad + row[c] : row[c] + pad);
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << "\n";
  }
  return out.str();
}

} // namespace

uint64_t sectionCount(const Report &r, unsigned sectionId) {
  uint64_t count = 0;
  for (const EventInfo &e : r.events)
    if (const EventTotals *t = totalsOf(r, sectionId, e))
      count += t->count;
  return count;
}

std::string formatTable(const Report &r) {
  std::ostringstream out;
  out << r.counter.describe(r.events) << "\n";
  out << "program: " << r.program << " (" << r.object << ")  runs: " << r.stats.runs << " ("
      << r.packets << " packets x " << r.passes << (r.passes == 1 ? " pass" : " passes") << ")";
  for (const EventInfo &e : r.events)
    out << "  " << e.name << ": " << samplingText(e.sampleEvery);
  out << "\nverdicts:";
  for (unsigned a = 0; a < kXdpActions; ++a)
    out << (a ? ", " : " ") << xdpActionName(a) << " " << r.verdicts.byAction[a];
  if (r.verdicts.other)
    out << ", other " << r.verdicts.other;
  out << "\n\n";

  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header = {"id", "section", "kind", "count"};
  std::vector<bool> right = {true, false, false, true};
  for (const EventInfo &e : r.events) {
    header.push_back("mean " + e.name);
    header.push_back("total " + e.name);
    right.push_back(true);
    right.push_back(true);
  }
  rows.push_back(header);
  for (const SectionRow &s : r.sections.rows()) {
    std::vector<std::string> row = {std::to_string(s.id), std::string(2 * s.depth, ' ') + s.name,
                                    s.kind, std::to_string(sectionCount(r, s.id))};
    for (const EventInfo &e : r.events) {
      const EventTotals *t = totalsOf(r, s.id, e);
      bool measured = t && t->count;
      row.push_back(measured ? fixed1(double(t->total) / t->count) + " " + e.unit : "-");
      row.push_back(std::to_string(t ? t->total : 0) + " " + e.unit);
    }
    rows.push_back(std::move(row));
  }
  out << layoutTable(rows, right);
  return out.str();
}

std::string formatJson(const Report &r) {
  using json = nlohmann::ordered_json;
  json events = json::array();
  for (const EventInfo &e : r.events)
    events.push_back({{"index", e.index},
                      {"name", e.name},
                      {"unit", e.unit},
                      {"sample_every", e.sampleEvery}});
  json verdicts = json::object();
  for (unsigned a = 0; a < kXdpActions; ++a)
    verdicts[xdpActionName(a)] = r.verdicts.byAction[a];
  verdicts["other"] = r.verdicts.other;

  json sections = json::array();
  for (const SectionRow &s : r.sections.rows()) {
    json perEvent = json::object();
    for (const EventInfo &e : r.events) {
      const EventTotals *t = totalsOf(r, s.id, e);
      uint64_t count = t ? t->count : 0, total = t ? t->total : 0;
      perEvent[e.name] = {{"count", count},
                          {"total", total},
                          {"mean", count ? json(double(total) / count) : json(nullptr)}};
    }
    sections.push_back({{"id", s.id},
                        {"name", s.name},
                        {"kind", s.kind},
                        {"parent", s.parent ? json(*s.parent) : json(nullptr)},
                        {"depth", s.depth},
                        {"count", sectionCount(r, s.id)},
                        {"events", std::move(perEvent)}});
  }
  json j = {{"type", "final"},
            {"object", r.object},
            {"program", r.program},
            {"counter_source", r.counter.name()},
            {"stats_layout", r.statsLayout},
            {"runs", r.stats.runs},
            {"packets", r.packets},
            {"passes", r.passes},
            {"events", std::move(events)},
            {"verdicts", std::move(verdicts)},
            {"sections", std::move(sections)}};
  return j.dump() + "\n";
}

} // namespace inxpect
