// One JSON object a line: an "interval" object every interval, a "final" one
// at the end (a replay prints only that, with its packets and verdicts).
// The one place the schema is written: docs/running.md documents it (fields
// may be added, never renamed).
#include <nlohmann/json.hpp>

#include "views/View.h"

namespace inxpect {

namespace {

using json = nlohmann::ordered_json;

json optionalNumber(const std::optional<double> &v) { return v ? json(*v) : json(nullptr); }

json estimate(const Estimate &e) { return {{"mean", e.mean}, {"spread", e.spread}}; }

// By event: what a section's own probes leave in its reading, and what a
// section entered inside another adds to the outer one's.
json probeCost(const std::vector<ProbeCost> &costs) {
  json j = json::object();
  for (const ProbeCost &c : costs)
    j[c.event] = {{"unit", c.unit},
                  {"own", estimate(c.own)},
                  {"nested", estimate(c.nested)},
                  {"rounds", c.rounds}};
  return j;
}

json verdicts(const VerdictTally &tally) {
  json j = json::object();
  for (unsigned a = 0; a < kXdpActions; ++a)
    j[xdpActionName(a)] = tally.byAction[a];
  j["other"] = tally.other;
  return j;
}

class JsonLinesView : public ProfileView {
public:
  JsonLinesView(std::ostream &out, bool perCpu) : out_(out), perCpu_(perCpu) {}

  void show(const ProfileInfo &info, const ProfileFigures &f) override {
    json events = json::array();
    for (const EventInfo &e : info.events)
      events.push_back({{"index", e.index},
                        {"name", e.name},
                        {"unit", e.unit},
                        {"sample_every", e.sampleEvery},
                        {"via", e.via},
                        {"fenced", e.fenced}});
    json sections = json::array();
    for (const SectionFigures &s : f.sections) {
      json perEvent = json::object();
      for (const EventFigures &e : s.events) {
        json ev = {{"count", e.count},
                   {"total", e.total},
                   {"mean", optionalNumber(e.mean)},
                   {"nested", e.nested}};
        if (!info.probeCost.empty()) {
          ev["inclusive_mean"] = optionalNumber(e.inclusiveMean);
          ev["uncertain"] = e.uncertain;
          ev["self_mean"] = optionalNumber(e.selfMean);
          ev["self_uncertain"] = e.selfUncertain;
          ev["passes"] = e.passes;
          ev["children"] = e.children;
          ev["children_total"] = e.childrenTotal;
          ev["children_nested"] = e.childrenNested;
          const std::optional<Percentiles> &d = e.distribution;
          ev["p50"] = d ? json(d->p50) : json(nullptr);
          ev["p90"] = d ? json(d->p90) : json(nullptr);
          ev["p99"] = d ? json(d->p99) : json(nullptr);
          ev["max"] = d ? json(d->max) : json(nullptr);
        }
        perEvent[e.name] = std::move(ev);
      }
      json j = {{"id", s.row->id},
                {"name", s.row->name},
                {"kind", s.row->kind},
                {"parent", s.row->parent ? json(*s.row->parent) : json(nullptr)},
                {"depth", s.row->depth},
                {"on", s.on},
                {"count", s.count},
                {"per_second", s.perSecond},
                {"share_of_parent", optionalNumber(s.shareOfParent)},
                {"events", std::move(perEvent)}};
      if (perCpu_)
        j["per_cpu"] = s.perCpu;
      sections.push_back(std::move(j));
    }
    json line = {{"type", f.final ? "final" : "interval"},
                 {"command", info.command},
                 {"object", info.object.empty() ? json(nullptr) : json(info.object)},
                 {"program", info.program},
                 {"program_id", info.programId},
                 {"device", info.device.empty() ? json(nullptr) : json(info.device)},
                 {"counter_source", info.counter.name()},
                 {"stats_layout", info.statsLayout},
                 {"elapsed_s", f.elapsedSeconds},
                 {"interval_s", f.intervalSeconds},
                 {"runs", f.runs},
                 {"runs_per_second", f.runsPerSecond},
                 {"runs_per_second_overall", f.runsPerSecondOverall}};
    if (info.replay) {
      line["packets"] = info.replay->packets;
      line["passes"] = info.replay->passes;
      line["verdicts"] = verdicts(info.replay->verdicts);
    }
    if (!info.probeCost.empty())
      line["probe_cost"] = probeCost(info.probeCost);
    line["events"] = std::move(events);
    line["sections"] = std::move(sections);
    out_ << line.dump() << "\n";
    out_.flush();
  }

private:
  std::ostream &out_;
  bool perCpu_;
};

} // namespace

std::unique_ptr<ProfileView> makeJsonLinesView(std::ostream &out, bool perCpu) {
  return std::make_unique<JsonLinesView>(out, perCpu);
}

} // namespace inxpect
