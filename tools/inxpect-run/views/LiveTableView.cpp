// The top-like table: one row a section, redrawn in place on a terminal.
#include <algorithm>
#include <cstdio>
#include <sstream>

#include "views/LiveView.h"
#include "traffic/Replay.h"

namespace inxpect {

namespace {

std::string fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::string textTable(const std::vector<std::vector<std::string>> &rows,
                      const std::vector<bool> &alignRight) {
  std::vector<std::size_t> width(alignRight.size(), 0);
  for (const auto &row : rows)
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c)
      width[c] = std::max(width[c], row[c].size());
  std::ostringstream out;
  for (const auto &row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) {
      std::string pad(width[c] - row[c].size(), ' ');
      line += (c ? "  " : "") + (alignRight[c] ? pad + row[c] : row[c] + pad);
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << "\n";
  }
  return out.str();
}

class TableView : public LiveView {
public:
  TableView(std::ostream &out, bool refreshInPlace, bool perCpu)
      : out_(out), inPlace_(refreshInPlace), perCpu_(perCpu) {}

  void show(const ProfileInfo &info, const LiveFigures &f) override {
    std::ostringstream text;
    text << info.counter.describe(info.events) << "\n";
    text << "program: " << info.program << " (id " << info.programId << ")";
    if (!info.device.empty())
      text << " on " << info.device;
    if (!info.object.empty())
      text << "  object: " << info.object;
    text << "\n";
    text << (f.final ? "final" : "live") << " after " << fixed(f.elapsedSeconds, 1)
         << " s  runs: " << f.runs << "  runs/s: " << fixed(f.runsPerSecond, 0);
    for (const EventInfo &e : info.events)
      text << "  " << e.name << ": "
           << (e.sampleEvery == 1 ? std::string("every run")
                                  : "1 run in " + std::to_string(e.sampleEvery));
    text << "\n\n";

    std::vector<std::string> header = {"id", "section", "kind", "count"};
    std::vector<bool> right = {true, false, false, true};
    for (const EventInfo &e : info.events) {
      header.push_back("mean " + e.name);
      right.push_back(true);
    }
    for (const char *h : {"% parent", "/s"}) {
      header.push_back(h);
      right.push_back(true);
    }
    if (perCpu_)
      for (unsigned c = 0; c < info.ncpus; ++c) {
        header.push_back("cpu" + std::to_string(c));
        right.push_back(true);
      }
    std::vector<std::vector<std::string>> rows = {header};
    for (const SectionFigures &s : f.sections) {
      std::vector<std::string> row = {std::to_string(s.row->id),
                                      std::string(2 * s.row->depth, ' ') + s.row->name +
                                          (s.on ? "" : " (off)"),
                                      s.row->kind, std::to_string(s.count)};
      for (const EventFigures &e : s.events)
        row.push_back(e.mean ? fixed(*e.mean, 1) + " " + e.unit : "-");
      row.push_back(s.shareOfParent ? fixed(100 * *s.shareOfParent, 1) + "%" : "-");
      row.push_back(fixed(s.perSecond, 0));
      if (perCpu_)
        for (unsigned c = 0; c < info.ncpus; ++c)
          row.push_back(c < s.perCpu.size() ? std::to_string(s.perCpu[c]) : "0");
      rows.push_back(std::move(row));
    }
    text << textTable(rows, right);

    if (inPlace_)
      out_ << "\033[H\033[J"; // cursor home, clear to the end: redraw over the last table
    else if (shown_++)
      out_ << "\n";
    out_ << text.str();
    out_.flush();
  }

private:
  std::ostream &out_;
  bool inPlace_, perCpu_;
  unsigned shown_ = 0;
};

} // namespace

std::unique_ptr<LiveView> makeTableView(std::ostream &out, bool refreshInPlace, bool perCpu) {
  return std::make_unique<TableView>(out, refreshInPlace, perCpu);
}

std::unique_ptr<LiveView> makeView(OutputFormat format, std::ostream &out, bool refreshInPlace,
                                   bool perCpu) {
  switch (format) {
  case OutputFormat::Json:
    return makeJsonLinesView(out, perCpu);
  case OutputFormat::Csv:
    return makeCsvView(out, perCpu);
  case OutputFormat::Table:
    break;
  }
  return makeTableView(out, refreshInPlace, perCpu);
}

} // namespace inxpect
