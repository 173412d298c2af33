#include "profile/Figures.h"
#include "views/View.h"

#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "TextLines.h"

using namespace inxpect;

namespace {

// 189 packets x 3 passes through xdp_main > parse_loop, helper never entered.
Report sampleReport() {
  Manifest m;
  Section a;
  a.id = 0;
  a.name = "xdp_main";
  a.function = "xdp_main";
  Section b = a;
  b.id = 1;
  b.name = "parse_loop";
  b.kind = SectionKind::Loop;
  b.parent = 0;
  Section c = a;
  c.id = 2;
  c.name = "helper";
  c.function = "helper";
  m.sections = {a, b, c};

  Report r;
  r.info.command = "replay";
  r.info.object = "drop.o";
  r.info.program = "xdp_main";
  r.info.counter = CounterSource{CounterKind::Clock};
  r.info.events = armEvents(r.info.counter, {{"", 1}}, 4);
  ReplayTraffic traffic;
  traffic.packets = 189;
  traffic.passes = 3;
  traffic.verdicts.byAction[1] = 560; // XDP_DROP
  traffic.verdicts.byAction[2] = 7;   // XDP_PASS
  r.info.replay = traffic;
  r.info.sections = SectionTable::fromManifest(m);
  r.stats.runs = 567;
  r.stats.sections = {{{567, 49121}, {0, 0}, {0, 0}, {0, 0}},
                      {{1134, 22680}, {0, 0}, {0, 0}, {0, 0}},
                      {{0, 0}, {0, 0}, {0, 0}, {0, 0}}};
  return r;
}

} // namespace

TEST(RunReport, TableHeaderNamesSourceRunsAndVerdicts) {
  auto l = lines(formatTable(sampleReport()));
  ASSERT_GE(l.size(), 8u);
  EXPECT_EQ(l[0], "counter: clock (bpf_ktime_get_ns, ns): inxpect kernel module not loaded, using "
                  "the clock fallback");
  EXPECT_EQ(l[1], "program: xdp_main (drop.o)  runs: 567 (189 packets x 3 passes)  clock: every run");
  EXPECT_EQ(l[2], "verdicts: XDP_ABORTED 0, XDP_DROP 560, XDP_PASS 7, XDP_TX 0, XDP_REDIRECT 0");
  EXPECT_EQ(l[3], "");
}

TEST(RunReport, TableRowsIndentNestedSections) {
  auto l = lines(formatTable(sampleReport()));
  EXPECT_EQ(l[4], "id  section       kind      count  mean clock  total clock");
  EXPECT_EQ(l[5], " 0  xdp_main      function    567     86.6 ns     49121 ns");
  EXPECT_EQ(l[6], " 1    parse_loop  loop       1134     20.0 ns     22680 ns");
  EXPECT_EQ(l[7], " 2  helper        function      0           -         0 ns");
}

TEST(RunReport, JsonIsOneFinalObjectOnOneLine) {
  std::string text = formatJson(sampleReport());
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(text.find('\n'), text.size() - 1);
  auto j = nlohmann::json::parse(text);
  EXPECT_EQ(j["type"], "final");
  EXPECT_EQ(j["counter_source"], "clock");
  EXPECT_EQ(j["runs"], 567);
  EXPECT_EQ(j["packets"], 189);
  EXPECT_EQ(j["passes"], 3);
  ASSERT_EQ(j["events"].size(), 1u);
  EXPECT_EQ(j["events"][0]["index"], 0);
  EXPECT_EQ(j["events"][0]["name"], "clock");
  EXPECT_EQ(j["events"][0]["unit"], "ns");
  EXPECT_EQ(j["events"][0]["sample_every"], 1);
  EXPECT_EQ(j["verdicts"]["XDP_DROP"], 560);
  EXPECT_EQ(j["verdicts"]["XDP_PASS"], 7);
  EXPECT_EQ(j["verdicts"]["XDP_REDIRECT"], 0);
}

TEST(RunReport, JsonSectionsCarryCountsAndMeans) {
  auto j = nlohmann::json::parse(formatJson(sampleReport()));
  const auto &s = j["sections"];
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0]["id"], 0);
  EXPECT_EQ(s[0]["name"], "xdp_main");
  EXPECT_EQ(s[0]["kind"], "function");
  EXPECT_TRUE(s[0]["parent"].is_null());
  EXPECT_EQ(s[0]["count"], 567);
  EXPECT_EQ(s[0]["events"]["clock"]["count"], 567);
  EXPECT_EQ(s[0]["events"]["clock"]["total"], 49121);
  EXPECT_NEAR(s[0]["events"]["clock"]["mean"].get<double>(), 49121.0 / 567, 1e-9);
  EXPECT_EQ(s[1]["parent"], 0);
  EXPECT_EQ(s[1]["depth"], 1);
  EXPECT_EQ(s[1]["kind"], "loop");
  EXPECT_EQ(s[2]["count"], 0);
  EXPECT_TRUE(s[2]["events"]["clock"]["mean"].is_null()); // no entries, no mean
}

TEST(RunReport, SectionCountSumsMeasuredEventsOnly) {
  Report r = sampleReport();
  r.stats.sections[0][1] = {1000, 5}; // an event the report does not list
  EXPECT_EQ(sectionCount(r, 0), 567u);
  r.info.events.push_back({1, "tsc", "cycles", 1, 0, "rdtsc"});
  EXPECT_EQ(sectionCount(r, 0), 1567u);
}
