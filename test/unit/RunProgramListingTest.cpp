// inxpect-run list's two writers on what this host's e2e tests cannot load:
// a program behind libxdp's dispatcher, a link whose interface is in another
// network namespace, an unreadable program, a session that has not written
// its pid yet. (The e2e test ProgramList covers what the kernel gives.)
#include "views/ProgramListing.h"

#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace inxpect;

namespace {

ListedProgram behindDispatcher() {
  ListedProgram p;
  p.id = 19;
  p.name = "xdp_router";
  p.type = "ext";
  p.tag = "4929bbaa2b1588fc";
  p.instrumented = true;
  p.sections = {{0, "count", "function", std::nullopt, 0},
                {1, "xdp_router", "function", std::nullopt, 0},
                {2, "lookup", "region", 1u, 1}};
  p.statsLayout = "cpu-slots";
  p.manifestHash = 0xab;
  Extension e;
  e.id = 19;
  e.name = "xdp_router";
  e.targetId = 10;
  e.targetName = "xdp_dispatcher";
  p.attached.extensionOf = e;
  p.attached.targetXdp = {{1, "lo", "generic", 0}};
  p.attached.xdp = {{7, "", nullptr, 31}}; // a link made in another namespace
  p.session = 0;
  return p;
}

ListedProgram unreadable() {
  ListedProgram p;
  p.id = 20;
  p.name = "xdp_old";
  p.type = "xdp";
  p.tag = "0011223344556677";
  p.instrumented = true;
  p.problem = "its embedded table is damaged: manifest.sections[0]: missing field \"function\"";
  return p;
}

TEST(ProgramListing, TableSaysWhereAProgramBehindTheDispatcherRuns) {
  std::ostringstream out;
  writeProgramTable(out, {behindDispatcher(), unreadable()});
  EXPECT_EQ(out.str(),
            "19: ext  name xdp_router  tag 4929bbaa2b1588fc\n"
            "\tsections 3: count, xdp_router, lookup\n"
            "\tstats cpu-slots  manifest 00000000000000ab\n"
            "\txdp on ifindex 7 of another network namespace, link 31\n"
            "\textension (freplace) of libxdp's dispatcher xdp_dispatcher (id 10), xdp on lo "
            "(ifindex 1), generic, no link (netlink)\n"
            "\tprofiled by inxpect-run\n"
            "20: xdp  name xdp_old  tag 0011223344556677\n"
            "\tinstrumented, but unreadable: its embedded table is damaged: "
            "manifest.sections[0]: missing field \"function\"\n"
            "\tnot attached to an interface, a dispatcher or a tail-call map\n");
}

TEST(ProgramListing, JsonGivesEveryFieldOfEachKindOfAttachment) {
  std::ostringstream out;
  writeProgramJson(out, {behindDispatcher(), unreadable()});
  ASSERT_EQ(out.str().back(), '\n');
  EXPECT_EQ(out.str().find('\n'), out.str().size() - 1) << "one line";
  nlohmann::json list = nlohmann::json::parse(out.str());
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0], nlohmann::json::parse(R"({
    "id": 19, "name": "xdp_router", "type": "ext", "tag": "4929bbaa2b1588fc",
    "instrumented": true,
    "sections": [{"id": 0, "name": "count", "kind": "function", "parent": null},
                 {"id": 1, "name": "xdp_router", "kind": "function", "parent": null},
                 {"id": 2, "name": "lookup", "kind": "region", "parent": 1}],
    "stats_layout": "cpu-slots", "manifest_hash": "00000000000000ab", "error": null,
    "attached": [
      {"kind": "xdp", "ifindex": 7, "interface": null, "mode": null, "link_id": 31},
      {"kind": "extension", "target_id": 10, "target_name": "xdp_dispatcher",
       "libxdp_dispatcher": true,
       "target_xdp": [{"ifindex": 1, "interface": "lo", "mode": "generic", "link_id": null}]}],
    "session": {"pid": null}})"));
  EXPECT_EQ(list[1], nlohmann::json::parse(R"({
    "id": 20, "name": "xdp_old", "type": "xdp", "tag": "0011223344556677",
    "instrumented": true, "sections": [], "stats_layout": null, "manifest_hash": null,
    "error": "its embedded table is damaged: manifest.sections[0]: missing field \"function\"",
    "attached": [], "session": null})"));
}

TEST(ProgramListing, NothingToListIsAnEmptyTableAndAnEmptyArray) {
  std::ostringstream table, json;
  writeProgramTable(table, {});
  writeProgramJson(json, {});
  EXPECT_EQ(table.str(), "");
  EXPECT_EQ(json.str(), "[]\n");
}

} // namespace
