// Live figures and their views: the same numbers in the table, JSON lines,
// CSV and the Prometheus exposition.
#include "profile/Figures.h"
#include "views/View.h"
#include "views/PrometheusExporter.h"

#include <sstream>

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
  EXPECT_NE(text.find("inxpect_section_event_mean{program=\"xdp_main\",section=\"hot_loop\","
                      "kind=\"loop\",event=\"clock\",unit=\"ns\"} 50"),
            std::string::npos)
      << text;
}
