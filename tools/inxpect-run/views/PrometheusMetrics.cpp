#include "views/PrometheusMetrics.h"

#include <map>
#include <utility>

#include <prometheus/text_serializer.h>

namespace inxpect {

namespace {

using prometheus::ClientMetric;
using prometheus::MetricFamily;
using prometheus::MetricType;

// An event's readings in a base unit: the clock's ns as seconds; cycles
// stay cycles; any other event counts itself (instructions, cache misses).
struct BaseUnit {
  std::string unit;    // plural, as metric names end: seconds, cycles, instructions
  std::string quantity; // the event, unless it is the unit itself: clock, tsc, ""
  double per = 1;      // the event's units in one base unit (a division rounds best)
  std::string words;   // for HELP: "clock time in seconds", ...
};

std::string metricWord(const std::string &event) {
  std::string word = event;
  for (char &c : word)
    if (!(std::isalnum(static_cast<unsigned char>(c))))
      c = '_';
  return word;
}

BaseUnit baseUnitOf(const EventFigures &e) {
  std::string event = metricWord(e.name);
  if (e.unit == "ns")
    return {"seconds", event, 1e9, e.name + " time in seconds"};
  if (e.unit == "cycles")
    return {"cycles", event == "cycles" ? "" : event, 1, e.name + " in cycles"};
  return {event, "", 1, e.name + " events"};
}

// inxpect_section_[QUANTITY_][FIGURE_]UNIT[_total]
std::string metricName(const BaseUnit &u, const std::string &figure, bool counter) {
  std::string name = "inxpect_section_";
  if (!u.quantity.empty())
    name += u.quantity + "_";
  if (!figure.empty())
    name += figure + "_";
  return name + u.unit + (counter ? "_total" : "");
}

ClientMetric metric(std::vector<ClientMetric::Label> labels, double value, MetricType type) {
  ClientMetric m;
  m.label = std::move(labels);
  if (type == MetricType::Counter)
    m.counter.value = value;
  else
    m.gauge.value = value;
  return m;
}

// Families in order of first use, so the exposition reads the same each scrape.
class Families {
public:
  MetricFamily &get(const std::string &name, const std::string &help, MetricType type) {
    auto found = index_.find(name);
    if (found != index_.end())
      return families_[found->second];
    index_[name] = families_.size();
    MetricFamily f;
    f.name = name;
    f.help = help;
    f.type = type;
    families_.push_back(std::move(f));
    return families_.back();
  }
  void add(const std::string &name, const std::string &help, MetricType type,
           std::vector<ClientMetric::Label> labels, double value) {
    get(name, help, type).metric.push_back(metric(std::move(labels), value, type));
  }
  std::vector<MetricFamily> take() { return std::move(families_); }

private:
  std::vector<MetricFamily> families_;
  std::map<std::string, std::size_t> index_;
};

void addEvent(Families &out, const std::vector<ClientMetric::Label> &sectionLabels,
              const EventFigures &e) {
  BaseUnit u = baseUnitOf(e);
  auto labels = sectionLabels;
  labels.push_back({"event", e.name});
  out.add("inxpect_section_measured_entries_total",
          "Entries of the section whose cost was measured, by event (the runs sampled for it).",
          MetricType::Counter, labels, double(e.count));
  out.add(metricName(u, "", true),
          "Sum of the section's measured entries' " + u.words +
              ", as read: the probes' own cost included.",
          MetricType::Counter, labels, double(e.total) / u.per);
  if (e.inclusiveMean)
    out.add(metricName(u, "inclusive", false),
            "The section's cost an entry, " + u.words +
                ", the probes' own cost taken out: what the entry costs with what it calls.",
            MetricType::Gauge, labels, *e.inclusiveMean / u.per);
  if (e.selfMean)
    out.add(metricName(u, "self", false),
            "The section's own cost an entry, " + u.words +
                ": its inclusive cost less that of the sections measured directly inside it.",
            MetricType::Gauge, labels, *e.selfMean / u.per);
  if (const std::optional<Percentiles> &d = e.distribution)
    for (auto [q, v] : {std::pair{"0.5", d->p50}, {"0.9", d->p90}, {"0.99", d->p99}, {"1", d->max}}) {
      auto withQuantile = labels;
      withQuantile.push_back({"quantile", q});
      out.add(metricName(u, "entry", false),
              "An entry's inclusive cost, " + u.words +
                  ", at a quantile (1: the most), within 6.25%: the probes' own cost taken out.",
              MetricType::Gauge, withQuantile, v / u.per);
    }
}

} // namespace

std::vector<MetricFamily> prometheusFamilies(const ProfileInfo &info, const ProfileFigures &f) {
  Families out;
  ClientMetric::Label program{"program", info.program};
  out.add("inxpect_runs_total", "Runs of the entry program since profiling started.",
          MetricType::Counter, {program}, double(f.runs));
  for (const SectionFigures &s : f.sections)
    out.add("inxpect_section_entries_total",
            "Times the section was entered since profiling started, in the runs sampled.",
            MetricType::Counter, {program, {"section", s.row->name}, {"kind", s.row->kind}},
            double(s.count));
  for (const SectionFigures &s : f.sections)
    for (const EventFigures &e : s.events)
      addEvent(out, {program, {"section", s.row->name}, {"kind", s.row->kind}}, e);
  return out.take();
}

std::string prometheusText(const ProfileInfo &info, const ProfileFigures &figures) {
  return prometheus::TextSerializer().Serialize(prometheusFamilies(info, figures));
}

} // namespace inxpect
