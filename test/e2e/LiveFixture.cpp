#include "LiveFixture.h"

#include <fstream>
#include <iterator>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "RequireRoot.h"

namespace e2e {

namespace {

// The sections that end before live.c's tail call or run in its target.
const std::vector<std::string> kLiveFlags = {"--per-function",
                                             "--functions 'classify|count_echo|tail_work|xdp_tail'"};

} // namespace

nlohmann::json lastJsonLine(const std::string &text) {
  std::size_t end = text.find_last_not_of('\n');
  if (end == std::string::npos)
    return nullptr;
  std::size_t begin = text.rfind('\n', end);
  begin = begin == std::string::npos ? 0 : begin + 1;
  return nlohmann::json::parse(text.substr(begin, end + 1 - begin));
}

uint64_t countOf(const nlohmann::json &report, const std::string &section) {
  for (const auto &s : report["sections"])
    if (s["name"] == section)
      return s["count"];
  ADD_FAILURE() << "no section " << section << " in " << report.dump();
  return 0;
}

std::string readFile(const std::string &path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

BuiltProgram buildLive(const std::string &workDir, const std::vector<std::string> &clangFlags) {
  return buildProgram("live", kLiveFlags, workDir, clangFlags);
}

nlohmann::json configOf(bpf_object *obj) {
  bpf_map *map, *data = nullptr;
  bpf_object__for_each_map(map, obj) {
    std::string name = bpf_map__name(map);
    if (name.size() >= 13 && name.compare(name.size() - 13, 13, ".data.inxpect") == 0)
      data = map;
  }
  if (!data) {
    ADD_FAILURE() << "no .data.inxpect map";
    return {};
  }
  bpf_map_info info{};
  uint32_t len = sizeof info;
  EXPECT_EQ(bpf_obj_get_info_by_fd(bpf_map__fd(data), &info, &len), 0);
  std::string out;
  EXPECT_EQ(e2e::runCommand("bpftool -j map dump id " + std::to_string(info.id), out), 0) << out;
  nlohmann::json dump = nlohmann::json::parse(out), config;
  for (const auto &var : dump[0]["formatted"]["value"][".data.inxpect"])
    for (const auto &[name, value] : var.items())
      if (name == "inxpect_config" || name == "inxpect_section_off")
        config[name] = value;
  return config;
}

void expectDefaults(const nlohmann::json &config) {
  const auto &c = config["inxpect_config"];
  EXPECT_EQ(c["enabled"], 1) << config.dump();
  EXPECT_EQ(c["sample_every"][0], 1) << config.dump();
  for (std::size_t e = 1; e < c["sample_every"].size(); ++e)
    EXPECT_EQ(c["sample_every"][e], 0) << config.dump();
  for (const auto &field : {"counter", "probe_own", "probe_nested"})
    for (const auto &v : c[field])
      EXPECT_EQ(v, 0) << field << ": " << config.dump();
  for (const auto &off : config["inxpect_section_off"])
    EXPECT_EQ(off, 0) << config.dump();
}

void LiveProgramTest::SetUp() {
  REQUIRE_ROOT_FOR_BPF();
  dir_ = makeWorkDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
  built_ = buildLive(dir_);
  ASSERT_FALSE(HasFatalFailure());
}

} // namespace e2e
