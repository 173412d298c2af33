// compare's model and writers, on rounds made up here: sections matched by
// name, verdicts against the threshold, the exit status, and how the table,
// the JSON and the markdown show them.
#include "compare/Behaviour.h"
#include "compare/Comparison.h"
#include "compare/CompareWriters.h"

#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "TextLines.h"

using namespace inxpect;

namespace {

constexpr double kOwnProbe = 10; // ns a section's probes leave in its reading

// A build whose sections `names` (top level, in this order) cost, in round
// r, means[r][i] ns an entry once the probes are out, 100 entries a round
// timed and `untimed` more not (a stratum sampled them).
MeasuredBuild build(const std::string &object, const std::vector<std::string> &names,
                    const std::vector<std::vector<double>> &means, uint64_t untimed = 0) {
  Manifest m;
  for (unsigned i = 0; i < names.size(); ++i) {
    Section s;
    s.id = i;
    s.name = names[i];
    s.kind = names[i].rfind("xdp", 0) == 0 ? SectionKind::Function : SectionKind::Region;
    s.function = "xdp_main";
    m.sections.push_back(s);
  }
  MeasuredBuild b;
  b.object = object;
  b.program = "xdp_main";
  b.info.sections = SectionTable::fromManifest(m);
  b.info.counter = CounterSource{CounterKind::Clock};
  b.info.events = armEvents(b.info.counter, {{"", 1}}, 4);
  ProbeCost cost;
  cost.event = "clock";
  cost.unit = "ns";
  cost.own = {kOwnProbe, 0.1};
  cost.nested = {5, 0.1};
  b.info.probeCost = {cost};
  Snapshot total;
  total.selfKept = true;
  total.sections.assign(names.size(), std::vector<EventTotals>(4));
  total.untimed.assign(names.size(), 0);
  std::vector<Snapshot> rounds;
  for (const std::vector<double> &round : means) {
    Snapshot s = total;
    for (unsigned i = 0; i < names.size(); ++i) {
      s.sections[i][0] = {100, uint64_t((round[i] + kOwnProbe) * 100)};
      s.untimed[i] = untimed;
      total.untimed[i] += untimed;
      total.sections[i][0].count += 100;
      total.sections[i][0].total += s.sections[i][0].total;
    }
    rounds.push_back(s);
  }
  for (const Snapshot &s : rounds)
    b.rounds.push_back(computeFigures(b.info, s, s, 0, 0, true));
  b.total = computeFigures(b.info, total, total, 0, 0, true);
  return b;
}

// Every round the same: `perSection` ns an entry for each section.
std::vector<std::vector<double>> steady(const std::vector<double> &perSection, unsigned rounds = 6) {
  return std::vector<std::vector<double>>(rounds, perSection);
}

Comparison compare(const MeasuredBuild &a, const MeasuredBuild &b, double threshold = 0.05,
                   RoundStatistic statistic = RoundStatistic::Median) {
  Comparison c;
  c.statistic = statistic;
  c.objectA = a.object;
  c.objectB = b.object;
  c.programA = a.program;
  c.programB = b.program;
  c.counter = "counter: clock";
  c.packets = 100;
  c.passes = 1;
  c.rounds = unsigned(a.rounds.size());
  c.threshold = threshold;
  c.behaviour.packets = 100;
  c.behaviour.a.byAction[1] = c.behaviour.b.byAction[1] = 600; // XDP_DROP
  compareSections(a, b, c);
  return c;
}

const SectionComparison &section(const Comparison &c, const std::string &name) {
  for (const SectionComparison &s : c.sections)
    if (s.name == name)
      return s;
  throw std::runtime_error("no section " + name);
}

// Jenkins against DJB2, as the case study has it: the update halves.
Comparison fasterUpdate() {
  return compare(build("jenkins.o", {"parse", "update"}, steady({20, 80})),
                 build("djb2.o", {"parse", "update"}, steady({20, 40})));
}

} // namespace

TEST(RunComparison, SectionsAreMatchedByNameNotById) {
  MeasuredBuild a = build("a.o", {"xdp_main", "parse", "gone"}, steady({100, 20, 30}));
  MeasuredBuild b = build("b.o", {"xdp_main", "fresh", "parse"}, steady({100, 30, 20}));
  Comparison c = compare(a, b);
  ASSERT_EQ(c.sections.size(), 2u);
  EXPECT_EQ(c.sections[0].name, "xdp_main");
  EXPECT_EQ(c.sections[1].name, "parse");
  EXPECT_DOUBLE_EQ(*c.sections[1].inclusive.change.change, 0);
  ASSERT_EQ(c.removed.size(), 1u);
  EXPECT_EQ(c.removed[0].name, "gone");
  EXPECT_EQ(c.removed[0].kind, "region");
  ASSERT_EQ(c.added.size(), 1u);
  EXPECT_EQ(c.added[0].name, "fresh");
  EXPECT_EQ(c.exitStatus(), 0);
}

TEST(RunComparison, CheaperIsFasterAndExitsZero) {
  Comparison c = fasterUpdate();
  EXPECT_EQ(section(c, "update").verdict, Verdict::Faster);
  EXPECT_DOUBLE_EQ(*section(c, "update").inclusive.change.change, -0.5);
  EXPECT_DOUBLE_EQ(*section(c, "update").self.change.change, -0.5);
  EXPECT_EQ(section(c, "parse").verdict, Verdict::Same);
  EXPECT_TRUE(c.slower().empty());
  EXPECT_EQ(c.exitStatus(), 0);
}

TEST(RunComparison, CostlierIsSlowerAndExitsThree) {
  Comparison c = compare(build("djb2.o", {"parse", "update"}, steady({20, 40})),
                         build("jenkins.o", {"parse", "update"}, steady({20, 80})));
  EXPECT_EQ(section(c, "update").verdict, Verdict::Slower);
  ASSERT_EQ(c.slower().size(), 1u);
  EXPECT_EQ(c.slower()[0]->name, "update");
  EXPECT_EQ(c.exitStatus(), kSlowerExitStatus);
}

TEST(RunComparison, TheThresholdDecides) {
  MeasuredBuild a = build("a.o", {"update"}, steady({100}));
  MeasuredBuild b = build("b.o", {"update"}, steady({103}));
  EXPECT_EQ(compare(a, b, 0.05).sections[0].verdict, Verdict::Same);
  EXPECT_EQ(compare(a, b, 0.02).sections[0].verdict, Verdict::Slower);
}

// The probes' correction error here: their spread (0.1 ns) and a quarter
// of their own cost (2.5 of 10 ns). A difference within it is the probes'
// as much as the code's, however far beyond the threshold.
TEST(RunComparison, ADifferenceWithinTheProbesErrorDecidesNothing) {
  MeasuredBuild a = build("a.o", {"parse"}, steady({20}));
  Comparison within = compare(a, build("b.o", {"parse"}, steady({22})), 0.05);
  EXPECT_DOUBLE_EQ(within.sections[0].inclusive.error, 2.6);
  EXPECT_EQ(within.sections[0].verdict, Verdict::Same);
  EXPECT_EQ(compare(a, build("b.o", {"parse"}, steady({23})), 0.05).sections[0].verdict,
            Verdict::Slower);
  EXPECT_EQ(compare(build("b.o", {"parse"}, steady({23})), a, 0.05).sections[0].verdict,
            Verdict::Faster);
}

// In the guest (compare --deterministic): a section whose every entry was
// timed stands for its rounds by the least of them (an interrupt only adds
// instructions); one a stratum sampled by their median (its rounds differ
// both ways, and the least would follow the noise down).
TEST(RunComparison, TheLeastServesOnlySectionsWhoseEveryEntryWasTimed) {
  std::vector<std::vector<double>> rounds = {{100}, {102}, {104}, {106}, {108}, {110}};
  Comparison timed = compare(build("a.o", {"s"}, rounds), build("b.o", {"s"}, rounds), 0.05,
                             RoundStatistic::Least);
  EXPECT_EQ(timed.sections[0].inclusive.statistic, RoundStatistic::Least);
  EXPECT_DOUBLE_EQ(timed.sections[0].inclusive.change.a, 100);
  EXPECT_EQ(timed.sections[0].self.statistic, RoundStatistic::Least);
  Comparison sampled = compare(build("a.o", {"s"}, rounds, 50), build("b.o", {"s"}, rounds, 50),
                               0.05, RoundStatistic::Least);
  EXPECT_EQ(sampled.sections[0].inclusive.statistic, RoundStatistic::Median);
  EXPECT_DOUBLE_EQ(sampled.sections[0].inclusive.change.a, 105);
  Comparison onHost = compare(build("a.o", {"s"}, rounds), build("b.o", {"s"}, rounds));
  EXPECT_EQ(onHost.sections[0].inclusive.statistic, RoundStatistic::Median);
  EXPECT_DOUBLE_EQ(onHost.sections[0].inclusive.change.a, 105);
}

// A change the interval is not sure of decides nothing, however large.
TEST(RunComparison, AnIntervalAcrossTheThresholdIsTheSame) {
  MeasuredBuild a = build("a.o", {"update"}, {{100}, {100}, {100}, {100}});
  MeasuredBuild b = build("b.o", {"update"}, {{80}, {140}, {80}, {140}});
  Comparison c = compare(a, b);
  EXPECT_GT(*c.sections[0].inclusive.change.change, 0.05);
  EXPECT_LT(c.sections[0].inclusive.change.low, 0.05);
  EXPECT_EQ(c.sections[0].verdict, Verdict::Same);
}

// Within the probes' calibration error: about 0, not compared.
TEST(RunComparison, AnUncertainCostDecidesNothing) {
  Comparison c = compare(build("a.o", {"tiny"}, steady({0.5})), build("b.o", {"tiny"}, steady({1})));
  EXPECT_TRUE(c.sections[0].inclusive.uncertain);
  EXPECT_EQ(c.sections[0].verdict, Verdict::Same);
}

// --sections: the sections switched off in either build are not compared.
TEST(RunComparison, OnlyTheSectionsOnInBothAreCompared) {
  MeasuredBuild a = build("a.o", {"parse", "update"}, steady({20, 80}));
  MeasuredBuild b = build("b.o", {"parse", "update"}, steady({40, 40}));
  for (SectionFigures &s : b.total.sections)
    s.on = s.row->name == "update";
  Comparison c = compare(a, b);
  ASSERT_EQ(c.sections.size(), 1u);
  EXPECT_EQ(c.sections[0].name, "update");
  EXPECT_EQ(c.exitStatus(), 0);
}

TEST(RunComparison, BehaviourComparedPacketByPacket) {
  std::vector<PacketOutcome> a = {{1, {1, 2}}, {1, {1, 2}}, {2, {3}}, {2, {3}}};
  std::vector<PacketOutcome> b = {{1, {1, 2}}, {2, {1, 2}}, {2, {4}}, {2, {3}}};
  BehaviourComparison behaviour;
  compareOutcomes(a, b, behaviour);
  EXPECT_EQ(behaviour.packets, 4u);
  EXPECT_EQ(behaviour.otherVerdict, 1u);
  EXPECT_EQ(behaviour.otherBytes, 1u);
  ASSERT_TRUE(behaviour.first);
  EXPECT_EQ(behaviour.first->packet, 2u);
  EXPECT_EQ(behaviour.first->a, 1u);
  EXPECT_EQ(behaviour.first->b, 2u);
  EXPECT_FALSE(behaviour.same());
  BehaviourComparison alike;
  compareOutcomes(a, a, alike);
  EXPECT_TRUE(alike.same());
}

TEST(RunComparisonWriters, TableSaysTheBehaviourFirstAndTheOutcomeLast) {
  std::vector<std::string> l = lines(comparisonTable(fasterUpdate()));
  ASSERT_GE(l.size(), 9u);
  EXPECT_EQ(l[0], "compare: A jenkins.o (xdp_main), B djb2.o (xdp_main)");
  EXPECT_EQ(l[2], "6 rounds of each build, interleaved A B B A, of 100 packets x 1 pass");
  EXPECT_EQ(l[3].rfind("behaviour: the same: each of the 100 packets", 0), 0u) << l[3];
  EXPECT_EQ(l[5], "section  kind    incl A  incl B  change      95% interval  self A  self B  "
                  "change  verdict");
  EXPECT_EQ(l[6], "parse    region    20.0    20.0   +0.0%    [+0.0%, +0.0%]    20.0    20.0   "
                  "+0.0%  same");
  EXPECT_EQ(l[7], "update   region    80.0    40.0  -50.0%  [-50.0%, -50.0%]    80.0    40.0  "
                  "-50.0%  faster");
  EXPECT_EQ(l.back(), "no section slower beyond 5.0%; faster: update");
}

TEST(RunComparisonWriters, TableListsSectionsInOneBuildAndTheSlower) {
  MeasuredBuild a = build("a.o", {"update", "gone"}, steady({40, 10}));
  MeasuredBuild b = build("b.o", {"update", "fresh"}, steady({80, 10}));
  Comparison c = compare(a, b);
  c.behaviour.otherVerdict = 3;
  c.behaviour.first = PacketDifference{7, 1, 2};
  c.behaviour.b.byAction[1] = 597;
  c.behaviour.b.byAction[2] = 3;
  std::string text = comparisonTable(c);
  std::vector<std::string> l = lines(text);
  EXPECT_EQ(l[3], "behaviour DIFFERS: 3 of 100 packets got another verdict, 0 other output bytes "
                  "with the same verdict; first: packet 7, A XDP_DROP, B XDP_PASS; verdicts over "
                  "the rounds: A XDP_DROP 600; B XDP_DROP 597, XDP_PASS 3");
  EXPECT_NE(text.find("\nonly in A (removed): gone (region)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\nonly in B (added): fresh (region)\n"), std::string::npos) << text;
  EXPECT_EQ(l.back(), "SLOWER beyond 5.0%: update +100.0% [+100.0%, +100.0%]");
}

TEST(RunComparisonWriters, JsonHasTheIssuesFields) {
  MeasuredBuild a = build("a.o", {"parse", "update", "gone"}, steady({20, 80, 5}));
  MeasuredBuild b = build("b.o", {"parse", "update"}, steady({20, 40}));
  nlohmann::json j = nlohmann::json::parse(comparisonJson(compare(a, b)));
  ASSERT_EQ(j["sections"].size(), 2u);
  const nlohmann::json &update = j["sections"][1];
  EXPECT_EQ(update["name"], "update");
  EXPECT_DOUBLE_EQ(update["a"].get<double>(), 80);
  EXPECT_DOUBLE_EQ(update["b"].get<double>(), 40);
  EXPECT_DOUBLE_EQ(update["change"].get<double>(), -0.5);
  ASSERT_EQ(update["ci"].size(), 2u);
  EXPECT_DOUBLE_EQ(update["ci"][0].get<double>(), -0.5);
  EXPECT_DOUBLE_EQ(update["ci"][1].get<double>(), -0.5);
  EXPECT_EQ(update["verdict"], "faster");
  EXPECT_DOUBLE_EQ(update["self"]["change"].get<double>(), -0.5);
  EXPECT_EQ(update["entries"]["a"], 600);
  EXPECT_EQ(j["removed"][0]["name"], "gone");
  EXPECT_TRUE(j["added"].empty());
  EXPECT_EQ(j["behaviour"]["same"], true);
  EXPECT_EQ(j["behaviour"]["verdicts"]["a"]["XDP_DROP"], 600);
  EXPECT_EQ(j["verdict_cost"], "inclusive");
  EXPECT_DOUBLE_EQ(j["threshold"].get<double>(), 0.05);
  EXPECT_EQ(j["exit_status"], 0);
  EXPECT_TRUE(j["slower"].empty());
}

TEST(RunComparisonWriters, JsonHasNullsWhereNothingWasMeasured) {
  Comparison c = fasterUpdate();
  c.sections[0].inclusive.measured = false;
  nlohmann::json s = nlohmann::json::parse(comparisonJson(c))["sections"][0];
  EXPECT_TRUE(s["a"].is_null());
  EXPECT_TRUE(s["change"].is_null());
  EXPECT_TRUE(s["ci"].is_null());
}

TEST(RunComparisonWriters, MarkdownHeadsWithTheOutcomeAndEscapesNames) {
  MeasuredBuild a = build("a.o", {"odd|name", "update"}, steady({20, 40}));
  MeasuredBuild b = build("b.o", {"odd|name", "update"}, steady({20, 80}));
  std::string md = comparisonMarkdown(compare(a, b));
  std::vector<std::string> l = lines(md);
  EXPECT_EQ(l[0], "### inxpect compare: SLOWER beyond 5.0%: update +100.0% [+100.0%, +100.0%]");
  EXPECT_NE(md.find("| section | kind | incl A (ns) | incl B (ns) | change | 95% interval |"),
            std::string::npos) << md;
  EXPECT_NE(md.find("\n|---|---|---:|"), std::string::npos) << md;
  EXPECT_NE(md.find("| `odd\\|name` | region | 20.0 | 20.0 | +0.0% |"), std::string::npos) << md;
  EXPECT_NE(md.find("| **slower** |"), std::string::npos) << md;
}

TEST(RunComparisonWriters, EachFormatByName) {
  Comparison c = fasterUpdate();
  EXPECT_EQ(formatComparison(c, CompareFormat::Table), comparisonTable(c));
  EXPECT_EQ(formatComparison(c, CompareFormat::Json), comparisonJson(c));
  EXPECT_EQ(formatComparison(c, CompareFormat::Markdown), comparisonMarkdown(c));
}
