// The comparison as one JSON object, for scripts and CI: `sections[]` with
// name, a, b, change, ci and verdict (the inclusive cost), and the rest.
#include <nlohmann/json.hpp>

#include "compare/CompareWriters.h"

namespace inxpect {

namespace {

nlohmann::json optionalNumber(const std::optional<double> &v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json tallyJson(const VerdictTally &tally) {
  nlohmann::json out = nlohmann::json::object();
  for (unsigned a = 0; a < kXdpActions; ++a)
    out[xdpActionName(a)] = tally.byAction[a];
  out["other"] = tally.other;
  return out;
}

// a, b, change, ci and uncertain of one cost; nulls where not measured.
void costJson(const CostComparison &cost, nlohmann::json &into) {
  bool changed = cost.measured && cost.change.change;
  into["a"] = cost.measured ? nlohmann::json(cost.change.a) : nlohmann::json(nullptr);
  into["b"] = cost.measured ? nlohmann::json(cost.change.b) : nlohmann::json(nullptr);
  into["change"] = changed ? optionalNumber(cost.change.change) : nlohmann::json(nullptr);
  into["ci"] = changed ? nlohmann::json::array({cost.change.low, cost.change.high})
                       : nlohmann::json(nullptr);
  into["statistic"] = roundStatisticName(cost.statistic);
  into["uncertain"] = cost.uncertain;
  into["error"] = cost.measured ? nlohmann::json(cost.error) : nlohmann::json(nullptr);
}

nlohmann::json onlyJson(const std::vector<SectionOnly> &sections) {
  nlohmann::json out = nlohmann::json::array();
  for (const SectionOnly &s : sections)
    out.push_back({{"name", s.name}, {"kind", s.kind}});
  return out;
}

nlohmann::json behaviourJson(const BehaviourComparison &b) {
  nlohmann::json first = nullptr;
  if (b.first)
    first = {{"packet", b.first->packet},
             {"a", xdpActionName(b.first->a)},
             {"b", xdpActionName(b.first->b)}};
  return {{"same", b.same()},
          {"packets", b.packets},
          {"other_verdict", b.otherVerdict},
          {"other_bytes", b.otherBytes},
          {"first_difference", first},
          {"verdicts", {{"a", tallyJson(b.a)}, {"b", tallyJson(b.b)}}}};
}

} // namespace

std::string comparisonJson(const Comparison &c) {
  nlohmann::json sections = nlohmann::json::array();
  for (const SectionComparison &s : c.sections) {
    nlohmann::json j = {{"name", s.name}, {"kind", s.kind}};
    costJson(s.inclusive, j);
    j["verdict"] = verdictName(s.verdict);
    j["entries"] = {{"a", s.entriesA}, {"b", s.entriesB}};
    nlohmann::json self = nlohmann::json::object();
    costJson(s.self, self);
    j["self"] = self;
    sections.push_back(j);
  }
  nlohmann::json slower = nlohmann::json::array();
  for (const SectionComparison *s : c.slower())
    slower.push_back(s->name);
  nlohmann::json out = {
      {"a", {{"object", c.objectA}, {"program", c.programA}, {"id", c.idA}}},
      {"b", {{"object", c.objectB}, {"program", c.programB}, {"id", c.idB}}},
      {"counter", c.counter},
      {"event", c.event},
      {"unit", c.unit},
      {"packets", c.packets},
      {"passes", c.passes},
      {"rounds", c.rounds},
      {"order", "A B B A"},
      {"statistic", roundStatisticName(c.statistic)},
      {"interval", std::string("95%, percentile bootstrap of the change of the rounds' ") +
                       (c.statistic == RoundStatistic::Least
                            ? "least (sections whose every entry was timed) or medians"
                            : "medians")},
      {"verdict_cost", "inclusive"},
      {"threshold", c.threshold},
      {"behaviour", behaviourJson(c.behaviour)},
      {"sections", sections},
      {"added", onlyJson(c.added)},
      {"removed", onlyJson(c.removed)},
      {"slower", slower},
      {"exit_status", c.exitStatus()}};
  return out.dump() + "\n";
}

} // namespace inxpect
