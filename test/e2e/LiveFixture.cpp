#include "LiveFixture.h"

#include <fstream>
#include <iterator>

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

void LiveProgramTest::SetUp() {
  REQUIRE_ROOT_FOR_BPF();
  dir_ = makeWorkDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
  built_ = buildProgram("live", kLiveFlags, dir_);
  ASSERT_FALSE(HasFatalFailure());
}

} // namespace e2e
