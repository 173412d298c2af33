// What the live tests (run, attach, and what a session leaves behind) share:
// programs/live.c built with the sections that end before its tail call or
// run in the tail-called program, the readers of the runner's JSON, and
// of the program's configuration.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ProgramBuild.h"

struct bpf_object;

namespace e2e {

// The last line of JSON lines (the final report), null when there is none.
nlohmann::json lastJsonLine(const std::string &text);

// A section's `count` in a report; fails the test when it has no such section.
uint64_t countOf(const nlohmann::json &report, const std::string &section);

std::string readFile(const std::string &path);

// Builds programs/live.c into `workDir`, adding `clangFlags` to the
// rewrite's build (e.g. {"-DE2E_LIVE_PINNED"}).
BuiltProgram buildLive(const std::string &workDir, const std::vector<std::string> &clangFlags = {});

// A loaded program's configuration as bpftool shows it through BTF:
// inxpect_config's fields and inxpect_section_off.
nlohmann::json configOf(bpf_object *obj);

// What an object starts with: on, event 0 every run, no probe cost, every
// section on (gtest expectations).
void expectDefaults(const nlohmann::json &config);

// Builds programs/live.c in a work directory of the test's own (root, BPF).
class LiveProgramTest : public ::testing::Test {
protected:
  void SetUp() override;
  std::string runner() const { return std::string(E2E_BIN_DIR) + "/inxpect-run"; }
  std::string dir_;
  BuiltProgram built_;
};

} // namespace e2e
