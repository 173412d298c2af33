// inxpect-run list: programs/live.c loaded by another loader on a veth
// (its entry program attached natively by netlink, its tail-call target in
// the prog array `jump`), the uninstrumented build on a second veth, a
// session profiling one program and a run attached through a bpf_link; and,
// behind libxdp's dispatcher, the program xdp-loader loads. Each JSON field
// is checked against what the kernel and the manifest say; the table's
// lines are checked whole.
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <gtest/gtest.h>
#include <net/if.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "LiveFixture.h"
#include "Manifest.h"
#include "OtherLoader.h"
#include "Subprocess.h"
#include "VethPair.h"
#include "views/ProgramListing.h"

namespace {

using json = nlohmann::ordered_json; // the schema's order is checked too

const std::string kRunner = std::string(E2E_BIN_DIR) + "/inxpect-run";

// The fields of a listed program, in the order the schema gives them.
const std::vector<std::string> kFields = {"id",           "name",          "type",  "tag",
                                          "instrumented", "sections",      "stats_layout",
                                          "manifest_hash", "error",        "attached",
                                          "session"};

struct ProgramFacts {
  uint32_t id = 0;
  std::string tag;
};

ProgramFacts factsOf(int progFd) {
  bpf_prog_info info{};
  uint32_t len = sizeof info;
  EXPECT_EQ(bpf_obj_get_info_by_fd(progFd, &info, &len), 0);
  ProgramFacts facts{info.id, ""};
  for (unsigned char byte : info.tag) {
    char hex[3];
    std::snprintf(hex, sizeof hex, "%02x", byte);
    facts.tag += hex;
  }
  return facts;
}

ProgramFacts programFacts(bpf_object *obj, const char *name) {
  return factsOf(bpf_program__fd(bpf_object__find_program_by_name(obj, name)));
}

uint32_t mapId(bpf_object *obj, const char *name) {
  bpf_map_info info{};
  uint32_t len = sizeof info;
  EXPECT_EQ(bpf_obj_get_info_by_fd(bpf_map__fd(bpf_object__find_map_by_name(obj, name)), &info,
                                   &len),
            0);
  return info.id;
}

// The program of id `id` in a listing, null when it is not listed.
json entryOf(const json &list, uint32_t id) {
  for (const json &p : list)
    if (p["id"] == id)
      return p;
  return nullptr;
}

// Program `id`'s block in the table: its first line and the lines after it
// up to the next program's.
std::string blockOf(const std::string &table, uint32_t id) {
  std::string lines = "\n" + table;
  std::size_t at = lines.find("\n" + std::to_string(id) + ": ");
  if (at == std::string::npos)
    return "";
  std::size_t end = ++at;
  do
    end = lines.find('\n', end) + 1;
  while (end < lines.size() && lines[end] == '\t');
  return lines.substr(at, end - at);
}

json xdpEntry(const std::string &device, const char *mode, const json &linkId) {
  return {{"kind", "xdp"},
          {"ifindex", if_nametoindex(device.c_str())},
          {"interface", device},
          {"mode", mode},
          {"link_id", linkId}};
}

class ProgramList : public e2e::LiveProgramTest {
protected:
  std::string list(const std::string &options, int expectStatus = 0) {
    std::string out;
    int status = e2e::runCommand(kRunner + " list " + options + " 2>" + dir_ + "/list.err", out);
    EXPECT_EQ(status, expectStatus) << options << "\n" << e2e::readFile(dir_ + "/list.err");
    return out;
  }
  json listJson(const std::string &options = "") {
    std::string out = list("--format json " + options);
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << "one line: " << out;
    return json::parse(out, nullptr, false);
  }

  // The manifest's sections as the listing shows them.
  json manifestSections() const {
    json sections = json::array();
    for (const inxpect::Section &s : inxpect::readManifestFile(built_.manifest).sections)
      sections.push_back({{"id", s.id},
                          {"name", s.name},
                          {"kind", inxpect::kindName(s.kind)},
                          {"parent", s.parent ? json(*s.parent) : json(nullptr)}});
    return sections;
  }
  std::string manifestHash() const {
    return inxpect::hashText(inxpect::manifestHash(inxpect::readManifestFile(built_.manifest)));
  }
  // "\tsections 4: classify, ...\n\tstats cpu-slots  manifest HASH\n"
  std::string sectionLines() const {
    std::string names;
    json sections = manifestSections();
    for (const json &s : sections)
      names += (names.empty() ? " " : ", ") + s["name"].get<std::string>();
    return "\tsections " + std::to_string(sections.size()) + ":" + names +
           "\n\tstats cpu-slots  manifest " + manifestHash() + "\n";
  }
};

TEST_F(ProgramList, ShowsWhereEachInstrumentedProgramRunsAndLeavesOthersOut) {
  e2e::VethPair vethIn("lsin"), vethOut("lsor");
  ASSERT_FALSE(HasFatalFailure());
  e2e::OtherLoader instrumented(built_.instrumented, vethIn.hostDevice());
  e2e::OtherLoader original(built_.original, vethOut.hostDevice());
  ASSERT_FALSE(HasFatalFailure());
  ProgramFacts live = programFacts(instrumented.object(), "xdp_live");
  ProgramFacts tail = programFacts(instrumented.object(), "xdp_tail");
  ProgramFacts plain = programFacts(original.object(), "xdp_live");
  uint32_t jump = mapId(instrumented.object(), "jump");
  ASSERT_EQ(live.id, instrumented.programId());

  json listed = listJson();
  ASSERT_TRUE(listed.is_array()) << listed.dump();
  json entry = entryOf(listed, live.id);
  ASSERT_TRUE(entry.is_object()) << listed.dump();
  std::vector<std::string> keys;
  for (const auto &[key, value] : entry.items())
    keys.push_back(key);
  EXPECT_EQ(keys, kFields);
  EXPECT_EQ(entry["name"], "xdp_live");
  EXPECT_EQ(entry["type"], "xdp");
  EXPECT_EQ(entry["tag"], live.tag);
  EXPECT_EQ(entry["instrumented"], true);
  EXPECT_EQ(entry["sections"], manifestSections());
  EXPECT_EQ(entry["stats_layout"], "cpu-slots");
  EXPECT_EQ(entry["manifest_hash"], manifestHash());
  EXPECT_EQ(entry["error"], nullptr);
  EXPECT_EQ(entry["attached"], json::array({xdpEntry(vethIn.hostDevice(), "native", nullptr)}))
      << "attached by netlink, as ip link does: no link";
  EXPECT_EQ(entry["session"], nullptr);

  json tailEntry = entryOf(listed, tail.id);
  ASSERT_TRUE(tailEntry.is_object()) << listed.dump();
  EXPECT_EQ(tailEntry["name"], "xdp_tail");
  EXPECT_EQ(tailEntry["tag"], tail.tag);
  EXPECT_EQ(tailEntry["sections"], manifestSections()) << "the object's table, shared";
  EXPECT_EQ(tailEntry["attached"],
            json::array({{{"kind", "tail_call"},
                          {"map_id", jump},
                          {"map_name", "jump"},
                          {"index", 0}}}));
  EXPECT_TRUE(entryOf(listed, plain.id).is_null()) << "not instrumented: left out";

  json all = listJson("--all");
  json plainEntry = entryOf(all, plain.id);
  ASSERT_TRUE(plainEntry.is_object()) << all.dump();
  EXPECT_EQ(plainEntry,
            json({{"id", plain.id},
                  {"name", "xdp_live"},
                  {"type", "xdp"},
                  {"tag", plain.tag},
                  {"instrumented", false},
                  {"sections", json::array()},
                  {"stats_layout", nullptr},
                  {"manifest_hash", nullptr},
                  {"error", nullptr},
                  {"attached", json::array({xdpEntry(vethOut.hostDevice(), "native", nullptr)})},
                  {"session", nullptr}}));
  EXPECT_EQ(entryOf(all, live.id), entry);

  std::string table = list("");
  std::string ifIn = std::to_string(if_nametoindex(vethIn.hostDevice().c_str()));
  EXPECT_EQ(blockOf(table, live.id),
            std::to_string(live.id) + ": xdp  name xdp_live  tag " + live.tag + "\n" +
                sectionLines() + "\txdp on " + vethIn.hostDevice() + " (ifindex " + ifIn +
                "), native, no link (netlink)\n")
      << table;
  EXPECT_EQ(blockOf(table, tail.id),
            std::to_string(tail.id) + ": xdp  name xdp_tail  tag " + tail.tag + "\n" +
                sectionLines() + "\ttail call: slot 0 of jump (map id " + std::to_string(jump) +
                ")\n")
      << table;
  EXPECT_EQ(blockOf(table, plain.id), "") << table;
  std::string ifOut = std::to_string(if_nametoindex(vethOut.hostDevice().c_str()));
  EXPECT_EQ(blockOf(list("--all"), plain.id),
            std::to_string(plain.id) + ": xdp  name xdp_live  tag " + plain.tag +
                "\n\tnot instrumented\n\txdp on " + vethOut.hostDevice() + " (ifindex " + ifOut +
                "), native, no link (netlink)\n");
}

TEST_F(ProgramList, NamesTheSessionProfilingAProgramAndTheLinkARunHolds) {
  e2e::VethPair vethAttach("lsat"), vethRun("lsrn");
  ASSERT_FALSE(HasFatalFailure());
  e2e::OtherLoader loader(built_.instrumented, vethAttach.hostDevice());
  ASSERT_FALSE(HasFatalFailure());
  json entry;
  {
    e2e::Subprocess attach(kRunner + " attach --prog-id " + std::to_string(loader.programId()) +
                               " --interval 0.5 --format json",
                           dir_ + "/attach.out", dir_ + "/attach.err");
    e2e::Subprocess run(kRunner + " run " + built_.instrumented + " --prog xdp_live --dev " +
                            vethRun.hostDevice() +
                            " --xdp-mode generic --interval 0.5 --format json",
                        dir_ + "/run.out", dir_ + "/run.err");
    ASSERT_TRUE(attach.waitForStderr("profiling ", 10)) << attach.stderrText();
    ASSERT_TRUE(run.waitForStderr("profiling ", 10)) << run.stderrText();

    json listed = listJson();
    entry = entryOf(listed, loader.programId());
    ASSERT_TRUE(entry.is_object()) << listed.dump();
    EXPECT_EQ(entry["session"], json({{"pid", attach.pid()}}));
    EXPECT_EQ(entry["attached"],
              json::array({xdpEntry(vethAttach.hostDevice(), "native", nullptr)}));

    // The run's program: the one on its interface.
    json ran;
    for (const json &p : listed)
      for (const json &a : p["attached"])
        if (a["kind"] == "xdp" && a["interface"] == vethRun.hostDevice())
          ran = p;
    ASSERT_TRUE(ran.is_object()) << listed.dump();
    EXPECT_EQ(ran["name"], "xdp_live");
    EXPECT_EQ(ran["session"], json({{"pid", run.pid()}}));
    const json &link = ran["attached"][0]["link_id"];
    ASSERT_TRUE(link.is_number()) << "run attaches through a bpf_link: " << ran.dump();
    EXPECT_EQ(ran["attached"], json::array({xdpEntry(vethRun.hostDevice(), "generic", link)}));
    // The kernel's own account of that link (Debian's bpftool shows no ifindex).
    int linkFd = bpf_link_get_fd_by_id(link.get<uint32_t>());
    ASSERT_GE(linkFd, 0) << "link " << link;
    bpf_link_info shown{};
    uint32_t len = sizeof shown;
    EXPECT_EQ(bpf_obj_get_info_by_fd(linkFd, &shown, &len), 0);
    close(linkFd);
    EXPECT_EQ(shown.type, BPF_LINK_TYPE_XDP);
    EXPECT_EQ(shown.prog_id, ran["id"]);
    EXPECT_EQ(shown.xdp.ifindex, if_nametoindex(vethRun.hostDevice().c_str()));

    std::string table = list("");
    std::string attachBlock = blockOf(table, loader.programId());
    EXPECT_NE(attachBlock.find("\tprofiled by inxpect-run (pid " + std::to_string(attach.pid()) +
                               ")\n"),
              std::string::npos)
        << table;
    std::string runBlock = blockOf(table, ran["id"]);
    EXPECT_NE(runBlock.find("\txdp on " + vethRun.hostDevice() + " (ifindex " +
                            std::to_string(if_nametoindex(vethRun.hostDevice().c_str())) +
                            "), generic, link " + link.dump() + "\n\tprofiled by inxpect-run (pid " +
                            std::to_string(run.pid()) + ")\n"),
              std::string::npos)
        << table;

    attach.signal(SIGINT);
    run.signal(SIGINT);
    EXPECT_EQ(attach.wait(10), 0) << attach.stderrText();
    EXPECT_EQ(run.wait(10), 0) << run.stderrText();
  }
  json after = entryOf(listJson(), loader.programId());
  EXPECT_EQ(after["session"], nullptr) << "the session ended: " << after.dump();
  entry["session"] = nullptr;
  EXPECT_EQ(after, entry);
}

TEST_F(ProgramList, RefusesWhatItCannotDoWithASentence) {
  std::string out;
  EXPECT_EQ(e2e::runCommand(kRunner + " list xdp.o 2>&1", out), 2);
  EXPECT_NE(out.find("inxpect-run: error: list takes no arguments, got \"xdp.o\""),
            std::string::npos)
      << out;
  EXPECT_EQ(e2e::runCommand(kRunner + " list --format csv 2>&1", out), 2);
  EXPECT_NE(out.find("list --format expects table or json, got \"csv\""), std::string::npos)
      << out;
  EXPECT_EQ(e2e::runCommand(kRunner + " list --sample 4 2>&1", out), 2);
  EXPECT_NE(out.find("--sample"), std::string::npos) << out;
  EXPECT_EQ(e2e::runCommand("setpriv --reuid=65534 --regid=65534 --clear-groups " + kRunner +
                                " list 2>&1",
                            out),
            1);
  EXPECT_NE(out.find("inxpect-run: error: cannot list the loaded BPF programs: permission denied: "
                     "run as root"),
            std::string::npos)
      << out;
}

} // namespace
