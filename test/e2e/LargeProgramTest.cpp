// A program of hundreds of functions inlined into one, every one a section:
// the rewrite must still compile and load. Clang, seeing the run state's
// pointer as one in all of them, once copied the whole program for the
// NULL path and placed branches beyond BPF's 16-bit jump offsets ("Branch
// target out of insn range"): runtime/bpf/inxpect.h gives functions a
// pointer that is never NULL for this (docs/design.md, "One run-state
// lookup a BPF function").
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ProgramBuild.h"
#include "RequireRoot.h"

namespace {

constexpr int kFunctions = 511; // + the entry program: 512 sections

std::string manyInlinedFunctions() {
  std::string src = "#include <linux/bpf.h>\n#include <bpf/bpf_helpers.h>\n\n__u64 sink;\n\n";
  for (int i = 0; i < kFunctions; i++)
    src += "static __always_inline __u64 step_" + std::to_string(i) +
           "(__u64 x)\n{\n\tx = x * 3 + bpf_get_prandom_u32();\n\treturn x;\n}\n\n";
  src += "SEC(\"xdp\")\nint xdp_large(struct xdp_md *ctx)\n{\n\t__u64 x = ctx->rx_queue_index;\n";
  for (int i = 0; i < kFunctions; i++)
    src += "\tx = step_" + std::to_string(i) + "(x);\n";
  src += "\tsink = x;\n\treturn XDP_PASS;\n}\n\nchar LICENSE[] SEC(\"license\") = \"GPL\";\n";
  return src;
}

TEST(LargeProgram, FiveHundredInlinedSectionsCompileLoadAndCount) {
  REQUIRE_ROOT_FOR_BPF();
  std::string dir = e2e::makeWorkDir("LargeProgram");
  std::string source = dir + "/large.c";
  std::ofstream(source) << manyInlinedFunctions();
  e2e::BuiltProgram built = e2e::buildSource(source, {"--per-function"}, dir);
  ASSERT_FALSE(HasFatalFailure());

  std::string out;
  ASSERT_EQ(e2e::runCommand(std::string(E2E_BIN_DIR) + "/inxpect-run replay " + built.instrumented +
                                " --synthetic 3 --format json",
                            out),
            0)
      << out;
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["runs"], 3);
  ASSERT_EQ(j["sections"].size(), kFunctions + 1u);
  for (const auto &s : j["sections"])
    EXPECT_EQ(s["count"], 3) << s["name"];
}

} // namespace
