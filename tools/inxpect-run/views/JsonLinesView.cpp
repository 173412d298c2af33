// One JSON object a line: an "interval" object every interval, a "final" one
// at the end. Schema: docs/running.md (fields may be added, never renamed).
#include <nlohmann/json.hpp>

#include "views/LiveView.h"

namespace inxpect {

namespace {

using json = nlohmann::ordered_json;

json optionalNumber(const std::optional<double> &v) { return v ? json(*v) : json(nullptr); }

class JsonLinesView : public LiveView {
public:
  JsonLinesView(std::ostream &out, bool perCpu) : out_(out), perCpu_(perCpu) {}

  void show(const ProfileInfo &info, const LiveFigures &f) override {
    json events = json::array();
    for (const EventInfo &e : info.events)
      events.push_back({{"index", e.index},
                        {"name", e.name},
                        {"unit", e.unit},
                        {"sample_every", e.sampleEvery}});
    json sections = json::array();
    for (const SectionFigures &s : f.sections) {
      json perEvent = json::object();
      for (const EventFigures &e : s.events)
        perEvent[e.name] = {{"count", e.count}, {"total", e.total}, {"mean", optionalNumber(e.mean)}};
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
                 {"events", std::move(events)},
                 {"sections", std::move(sections)}};
    out_ << line.dump() << "\n";
    out_.flush();
  }

private:
  std::ostream &out_;
  bool perCpu_;
};

} // namespace

std::unique_ptr<LiveView> makeJsonLinesView(std::ostream &out, bool perCpu) {
  return std::make_unique<JsonLinesView>(out, perCpu);
}

} // namespace inxpect
