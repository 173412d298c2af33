// CSV for spreadsheets and pandas: a header once, then one row a section and
// event every interval (and at the end, with type "final").
#include <cstdio>

#include "views/View.h"

namespace inxpect {

namespace {

// Quotes a field only when it needs it (RFC 4180).
std::string csvField(const std::string &s) {
  if (s.find_first_of(",\"\n") == std::string::npos)
    return s;
  std::string q = "\"";
  for (char c : s)
    q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

// ",p50,p90,p99,max", empty fields where there is no distribution.
std::string distribution(const std::optional<Percentiles> &d) {
  if (!d)
    return ",,,,";
  return "," + number(d->p50) + "," + number(d->p90) + "," + number(d->p99) + "," + number(d->max);
}

class CsvView : public ProfileView {
public:
  CsvView(std::ostream &out, bool perCpu) : out_(out), perCpu_(perCpu) {}

  void show(const ProfileInfo &info, const ProfileFigures &f) override {
    if (!headerWritten_) {
      out_ << "type,elapsed_s,program,runs,runs_per_second,section_id,section,kind,parent,on,"
              "count,per_second,share_of_parent,event,unit,sample_every,event_count,event_total,"
              "event_mean";
      // A calibrated profile adds the inclusive cost (probes taken out).
      if (!info.probeCost.empty())
        out_ << ",event_nested,event_inclusive_mean,event_uncertain,event_children,"
                "event_self_mean,event_self_uncertain,event_p50,event_p90,event_p99,event_max";
      if (perCpu_)
        for (unsigned c = 0; c < info.ncpus; ++c)
          out_ << ",cpu" << c;
      out_ << "\n";
      headerWritten_ = true;
    }
    for (const SectionFigures &s : f.sections)
      for (std::size_t e = 0; e < s.events.size(); ++e) {
        const EventFigures &ev = s.events[e];
        out_ << (f.final ? "final" : "interval") << "," << number(f.elapsedSeconds) << ","
             << csvField(info.program) << "," << f.runs << "," << number(f.runsPerSecond) << ","
             << s.row->id << "," << csvField(s.row->name) << "," << s.row->kind << ","
             << (s.row->parent ? std::to_string(*s.row->parent) : "") << "," << (s.on ? 1 : 0)
             << "," << s.count << "," << number(s.perSecond) << ","
             << (s.shareOfParent ? number(*s.shareOfParent) : "") << "," << csvField(ev.name)
             << "," << ev.unit << "," << info.events[e].sampleEvery << "," << ev.count << ","
             << ev.total << "," << (ev.mean ? number(*ev.mean) : "");
        if (!info.probeCost.empty())
          out_ << "," << ev.nested << "," << (ev.inclusiveMean ? number(*ev.inclusiveMean) : "")
               << "," << (ev.uncertain ? 1 : 0) << "," << ev.children << ","
               << (ev.selfMean ? number(*ev.selfMean) : "") << "," << (ev.selfUncertain ? 1 : 0)
               << distribution(ev.distribution);
        if (perCpu_)
          for (unsigned c = 0; c < info.ncpus; ++c)
            out_ << "," << (c < s.perCpu.size() ? s.perCpu[c] : 0);
        out_ << "\n";
      }
    out_.flush();
  }

private:
  std::ostream &out_;
  bool perCpu_, headerWritten_ = false;
};

} // namespace

std::unique_ptr<ProfileView> makeCsvView(std::ostream &out, bool perCpu) {
  return std::make_unique<CsvView>(out, perCpu);
}

} // namespace inxpect
