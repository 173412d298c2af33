// Live figures and their views: the same numbers in the table, JSON lines,
// CSV and the Prometheus exposition.
#include "profile/Figures.h"
#include "views/View.h"
#include "views/PrometheusMetrics.h"

#include <sstream>
#include <utility>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace inxpect;

namespace {

ProfileInfo sampleInfo() {
  Manifest m;
  Section outer, inner;
  outer.id = 0;
  outer.name = "xdp_main";
  outer.kind = SectionKind::Function;
  inner.id = 1;
  inner.name = "hot_loop";
  inner.kind = SectionKind::Loop;
  inner.parent = 0;
  m.sections = {outer, inner};
  ProfileInfo info;
  info.command = "run";
  info.program = "xdp_main";
  info.programId = 7;
  info.device = "veth0";
  info.sections = SectionTable::fromManifest(m);
  info.sectionOn = {true, true};
  EventInfo clock;
  clock.name = "clock";
  clock.unit = "ns";
  info.events = {clock};
  info.ncpus = 2;
  return info;
}

// 10 runs since the start, 4 of them in the last 2 s.
ProfileFigures sampleFigures(const ProfileInfo &info) {
  Snapshot total, interval;
  total.runs = 10;
  total.sections = {{{10, 1000}}, {{5, 250}}};
  total.cpuCounts = {{6, 4}, {5, 0}};
  interval.runs = 4;
  interval.sections = {{{4, 400}}, {{2, 100}}};
  return computeFigures(info, total, interval, 5.0, 2.0, false);
}

} // namespace

TEST(RunLiveFigures, MeansSharesAndRates) {
  ProfileInfo info = sampleInfo();
  ProfileFigures f = sampleFigures(info);
  EXPECT_EQ(f.runs, 10u);
  EXPECT_DOUBLE_EQ(f.runsPerSecond, 2.0);
  ASSERT_EQ(f.sections.size(), 2u);
  EXPECT_EQ(f.sections[0].count, 10u);
  EXPECT_DOUBLE_EQ(*f.sections[0].events[0].mean, 100.0);
  EXPECT_FALSE(f.sections[0].shareOfParent.has_value()) << "a top-level section has no parent";
  EXPECT_DOUBLE_EQ(*f.sections[1].shareOfParent, 0.25);
  EXPECT_DOUBLE_EQ(f.sections[1].perSecond, 1.0);
  EXPECT_EQ(f.sections[0].perCpu, (std::vector<uint64_t>{6, 4}));
}

TEST(RunLiveViews, JsonLinesCarryTheSchemaFields) {
  ProfileInfo info = sampleInfo();
  std::ostringstream out;
  makeJsonLinesView(out, true)->show(info, sampleFigures(info));
  auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["type"], "interval");
  EXPECT_EQ(j["program_id"], 7);
  EXPECT_EQ(j["runs"], 10);
  EXPECT_EQ(j["sections"][1]["name"], "hot_loop");
  EXPECT_EQ(j["sections"][1]["kind"], "loop");
  EXPECT_EQ(j["sections"][1]["count"], 5);
  EXPECT_EQ(j["sections"][1]["events"]["clock"]["mean"], 50.0);
  EXPECT_EQ(j["sections"][1]["share_of_parent"], 0.25);
  EXPECT_EQ(j["sections"][0]["per_cpu"], nlohmann::json::array({6, 4}));
  EXPECT_EQ(j["events"][0]["name"], "clock");
  EXPECT_TRUE(j["events"][0]["via"].is_string());
  EXPECT_EQ(j["events"][0]["fenced"], false);
}

TEST(RunLiveViews, CsvHasOneHeaderAndARowASectionAndEvent) {
  ProfileInfo info = sampleInfo();
  std::ostringstream out;
  auto view = makeCsvView(out, false);
  view->show(info, sampleFigures(info));
  view->show(info, sampleFigures(info));
  std::string text = out.str();
  EXPECT_EQ(text.find("type,elapsed_s,"), 0u);
  EXPECT_EQ(text.find("type,", 1), std::string::npos) << "header once";
  EXPECT_NE(text.find("interval,5,xdp_main,10,2,1,hot_loop,loop,0,1,5,1,0.25,clock,ns,1,5,250,50\n"),
            std::string::npos)
      << text;
}

TEST(RunLiveViews, TableShowsShareRateAndPerCpu) {
  ProfileInfo info = sampleInfo();
  std::ostringstream out;
  makeTableView(out, false, true)->show(info, sampleFigures(info));
  std::string text = out.str();
  EXPECT_NE(text.find("runs/s: 2"), std::string::npos) << text;
  EXPECT_NE(text.find("% parent"), std::string::npos) << text;
  EXPECT_NE(text.find("25.0%"), std::string::npos) << text;
  EXPECT_NE(text.find("cpu1"), std::string::npos) << text;
  EXPECT_EQ(text.find("\033["), std::string::npos) << "no escape codes outside a terminal";
}

TEST(RunLiveViews, PrometheusTextNamesSectionsAndEvents) {
  ProfileInfo info = sampleInfo();
  std::string text = prometheusText(info, sampleFigures(info));
  EXPECT_NE(text.find("inxpect_runs_total{program=\"xdp_main\"} 10"), std::string::npos) << text;
  EXPECT_NE(text.find("inxpect_section_entries_total{program=\"xdp_main\",section=\"hot_loop\","
                      "kind=\"loop\"} 5"),
            std::string::npos)
      << text;
  // The clock's ns in seconds, the base unit, named in the metric.
  EXPECT_NE(text.find("inxpect_section_clock_seconds_total{program=\"xdp_main\",section=\"hot_loop\","
                      "kind=\"loop\",event=\"clock\"} 2.5e-07"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("# TYPE inxpect_section_measured_entries_total counter"), std::string::npos)
      << text;
  EXPECT_EQ(text.find("exposer_"), std::string::npos) << text;
}

TEST(RunLiveViews, PrometheusNamesCarryEachEventsBaseUnit) {
  ProfileInfo info = sampleInfo();
  ProfileFigures f = sampleFigures(info);
  for (SectionFigures &s : f.sections) {
    EventFigures clock = s.events.at(0);
    s.events.clear();
    for (auto [name, unit] : {std::pair{"tsc", "cycles"}, {"cycles", "cycles"},
                              {"instructions", "count"}, {"cache-misses", "count"}}) {
      EventFigures e = clock;
      e.name = name;
      e.unit = unit;
      s.events.push_back(e);
    }
  }
  std::string text = prometheusText(info, f);
  for (const char *name : {"inxpect_section_tsc_cycles_total{", "inxpect_section_cycles_total{",
                           "inxpect_section_instructions_total{",
                           "inxpect_section_cache_misses_total{"})
    EXPECT_NE(text.find(name), std::string::npos) << name << "\n" << text;
  EXPECT_NE(text.find("event=\"cache-misses\""), std::string::npos) << text;
}

namespace {

// sampleInfo() calibrated: a section's own probes leave 10 ns in its
// reading, each section measured inside it adds 20 ns, both to +-1 ns.
ProfileInfo calibratedInfo() {
  ProfileInfo info = sampleInfo();
  ProbeCost cost;
  cost.event = "clock";
  cost.unit = "ns";
  cost.own = {10, 1};
  cost.nested = {20, 1};
  info.probeCost = {cost};
  return info;
}

// xdp_main: 10 entries, 1000 ns, 5 sections measured inside (its loop's):
// 100 - 10 - 0.5 x 20 = 80 ns. hot_loop: 5 entries, 250 ns: 50 - 10 = 40.
ProfileFigures calibratedFigures(const ProfileInfo &info) {
  Snapshot total, interval;
  total.runs = 10;
  total.sections = {{{10, 1000, 5}}, {{5, 250, 0}}};
  total.cpuCounts = {{6, 4}, {5, 0}};
  interval = total;
  return computeFigures(info, total, interval, 5.0, 5.0, true);
}

} // namespace

TEST(RunCorrection, TheProbesOwnAndNestedCostsAreTakenOut) {
  ProfileInfo info = calibratedInfo();
  ProfileFigures f = calibratedFigures(info);
  EXPECT_DOUBLE_EQ(*f.sections[0].events[0].inclusiveMean, 80.0);
  EXPECT_FALSE(f.sections[0].events[0].uncertain);
  EXPECT_DOUBLE_EQ(*f.sections[1].events[0].inclusiveMean, 40.0);
  EXPECT_DOUBLE_EQ(*f.sections[0].events[0].mean, 100.0) << "the raw mean stays as it was";
}

TEST(RunCorrection, WithinTheErrorIsUncertainAndBelowZeroIsClamped) {
  ProbeCost cost;
  cost.own = {10, 1};
  cost.nested = {20, 1};
  // 12 ns an entry, 10 subtracted: 2 ns, within 1 + 0.25 x 10 = 3.5 ns of error.
  auto near = correctedMean({4, 48, 0}, cost);
  ASSERT_TRUE(near);
  EXPECT_DOUBLE_EQ(near->mean, 2.0);
  EXPECT_TRUE(near->uncertain);
  // 25 ns an entry with one nested section (30 ns to take out): never a cost below 0.
  auto below = correctedMean({2, 50, 2}, cost);
  ASSERT_TRUE(below);
  EXPECT_DOUBLE_EQ(below->mean, 0.0);
  EXPECT_TRUE(below->uncertain);
  EXPECT_FALSE(correctedMean({0, 0, 0}, cost)) << "no entries, no mean";
}

TEST(RunCorrection, TheTableShowsInclusiveCostsAndRawOnesWithRaw) {
  ProfileInfo info = calibratedInfo();
  std::ostringstream corrected, raw;
  makeTableView(corrected, false, false)->show(info, calibratedFigures(info));
  makeTableView(raw, false, false, /*raw=*/true)->show(info, calibratedFigures(info));
  EXPECT_NE(corrected.str().find("probe cost (clock): 10.0 +- 1.0 ns"), std::string::npos)
      << corrected.str();
  EXPECT_NE(corrected.str().find("incl clock"), std::string::npos) << corrected.str();
  EXPECT_NE(corrected.str().find("80.0 ns"), std::string::npos) << corrected.str();
  EXPECT_EQ(corrected.str().find("mean clock"), std::string::npos) << corrected.str();
  EXPECT_NE(raw.str().find("mean clock"), std::string::npos) << raw.str();
  EXPECT_NE(raw.str().find("100.0 ns"), std::string::npos) << raw.str();
  EXPECT_EQ(raw.str().find("incl clock"), std::string::npos) << raw.str();
}

TEST(RunCorrection, JsonCarriesNestedInclusiveAndUncertainBesideTheRawFields) {
  ProfileInfo info = calibratedInfo();
  std::ostringstream out;
  makeJsonLinesView(out, false)->show(info, calibratedFigures(info));
  auto j = nlohmann::json::parse(out.str());
  const auto &clock = j["sections"][0]["events"]["clock"];
  EXPECT_EQ(clock["mean"], 100.0);
  EXPECT_EQ(clock["nested"], 5);
  EXPECT_EQ(clock["inclusive_mean"], 80.0);
  EXPECT_EQ(clock["uncertain"], false);
  EXPECT_EQ(j["probe_cost"]["clock"]["own"]["mean"], 10.0);
  EXPECT_EQ(j["probe_cost"]["clock"]["nested"]["spread"], 1.0);
}

TEST(RunCorrection, CsvAndPrometheusCarryTheInclusiveCost) {
  ProfileInfo info = calibratedInfo();
  std::ostringstream csv;
  makeCsvView(csv, false)->show(info, calibratedFigures(info));
  EXPECT_NE(csv.str().find(",event_mean,event_nested,event_inclusive_mean,event_uncertain,event_children,"
                          "event_self_mean,event_self_uncertain,event_p50,event_p90,event_p99,"
                          "event_max\n"),
            std::string::npos)
      << csv.str();
  EXPECT_NE(csv.str().find(",clock,ns,1,10,1000,100,5,80,0,0,,0,,,,\n"), std::string::npos)
      << csv.str() << "no self figures or percentiles from a snapshot that keeps none";
  std::string text = prometheusText(info, calibratedFigures(info));
  EXPECT_NE(text.find("inxpect_section_clock_inclusive_seconds{program=\"xdp_main\",section=\"xdp_main\","
                      "kind=\"function\",event=\"clock\"} 8e-08"),
            std::string::npos)
      << text;
}

TEST(RunCorrection, SelfIsInclusiveLessTheSectionsMeasuredDirectlyInside) {
  ProfileInfo info = calibratedInfo();
  // xdp_main, timed 10 times (1000 ns, 5 untimed entries of hot_loop
  // inside): inclusive 100 - 10 - 0.5 x 20 = 80 ns. In 8 other runs it was
  // passed through and its child hot_loop timed 4 times, reading 200 ns:
  // (200 - 4 x 10) / 8 = 20 ns of children an entry, so self 60 ns.
  // hot_loop, timed 5 times (250 ns), has nothing inside: self = inclusive, 40.
  Snapshot total;
  total.runs = 18;
  total.sections = {{{10, 1000, 5, 8, 4, 200, 0}}, {{5, 250, 0, 0, 0, 0, 0}}};
  total.untimed = {8, 5};
  total.cpuCounts = {{10, 8}, {5, 5}};
  total.selfKept = true;
  ProfileFigures f = computeFigures(info, total, total, 5.0, 5.0, true);
  EXPECT_EQ(f.sections[0].count, 18u) << "timed and untimed entries";
  EXPECT_EQ(f.sections[1].count, 10u);
  EXPECT_DOUBLE_EQ(*f.sections[0].events[0].selfMean, 60.0);
  EXPECT_DOUBLE_EQ(*f.sections[1].events[0].selfMean, 40.0);
  EXPECT_DOUBLE_EQ(*f.sections[0].events[0].inclusiveMean,
                   *f.sections[0].events[0].selfMean + 0.5 * *f.sections[1].events[0].inclusiveMean)
      << "inclusive = self + the children's inclusive, an entry";
  std::ostringstream table;
  makeTableView(table, false, false)->show(info, f);
  EXPECT_NE(table.str().find("self clock"), std::string::npos) << table.str();
  EXPECT_NE(table.str().find("60.0 ns"), std::string::npos) << table.str();
  // Sections entered inside it, but no run has timed them yet: no self cost.
  total.sections[0][0].passes = 0;
  f = computeFigures(info, total, total, 5.0, 5.0, true);
  EXPECT_FALSE(f.sections[0].events[0].selfMean);
  EXPECT_DOUBLE_EQ(*f.sections[0].events[0].inclusiveMean, 80.0);
}

// xdp_main's entries, the probes taken out by the probes themselves: 90 of
// 5 ns, 9 of 960..1023 ns, 1 of 4608..5119 ns.
TEST(RunCorrection, PercentilesComeFromTheHistogramInEveryView) {
  ProfileInfo info = calibratedInfo();
  Snapshot total;
  total.runs = 100;
  total.sections = {{{100, 14000, 0}}, {{0, 0, 0}}};
  total.sections[0][0].buckets.assign(kHistogramBuckets, 0);
  total.sections[0][0].buckets[5] = 90;
  total.sections[0][0].buckets[histogramBucket(1000)] = 9;
  total.sections[0][0].buckets[histogramBucket(5000)] = 1;
  total.cpuCounts = {{100, 0}, {0, 0}};
  ProfileFigures f = computeFigures(info, total, total, 5.0, 5.0, true);
  const std::optional<Percentiles> &d = f.sections[0].events[0].distribution;
  ASSERT_TRUE(d);
  EXPECT_DOUBLE_EQ(d->p50, 5);
  EXPECT_DOUBLE_EQ(d->p99, 991.5);
  EXPECT_DOUBLE_EQ(d->max, 4863.5);
  EXPECT_FALSE(f.sections[1].events[0].distribution) << "never entered: no percentiles";

  std::ostringstream json, csv, table;
  makeJsonLinesView(json, false)->show(info, f);
  const auto clock = nlohmann::json::parse(json.str())["sections"][0]["events"]["clock"];
  EXPECT_EQ(clock["p50"], 5.0);
  EXPECT_EQ(clock["p90"], 5.0);
  EXPECT_EQ(clock["p99"], 991.5);
  EXPECT_EQ(clock["max"], 4863.5);
  makeCsvView(csv, false)->show(info, f);
  EXPECT_NE(csv.str().find(",5,5,991.5,4863.5\n"), std::string::npos) << csv.str();
  makeTableView(table, false, false)->show(info, f);
  EXPECT_NE(table.str().find("p99 clock"), std::string::npos) << table.str();
  EXPECT_NE(table.str().find("992 ns"), std::string::npos) << table.str();
  std::string text = prometheusText(info, f);
  EXPECT_NE(text.find("inxpect_section_clock_entry_seconds{program=\"xdp_main\",section=\"xdp_main\","
                      "kind=\"function\",event=\"clock\",quantile=\"0.99\"} 9.915e-07"),
            std::string::npos)
      << text;
}

// Appended to a file or a pipe, a live table says what its columns mean
// once, not every interval; redrawn in place, it keeps the legend.
TEST(RunCorrection, TheLegendComesOnceInAStreamAndEveryTimeInPlace) {
  ProfileInfo info = calibratedInfo();
  auto count = [](const std::string &text) {
    std::size_t n = 0;
    for (std::size_t at = text.find("\nincl: "); at != std::string::npos; at = text.find("\nincl: ", at + 1))
      ++n;
    return n;
  };
  std::ostringstream stream, inPlace;
  auto appended = makeTableView(stream, false, false);
  auto redrawn = makeTableView(inPlace, true, false);
  for (int i = 0; i < 3; ++i) {
    appended->show(info, calibratedFigures(info));
    redrawn->show(info, calibratedFigures(info));
  }
  EXPECT_EQ(count(stream.str()), 1u) << stream.str();
  EXPECT_EQ(count(inPlace.str()), 3u);
}
