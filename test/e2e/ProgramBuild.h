// Builds an e2e program twice, as the user would: the original with clang,
// and the rewrite of inxpect-instrument compiled the same way.
#pragma once

#include <string>
#include <vector>

namespace e2e {

struct BuiltProgram {
  std::string original;     // object built from the untouched source (E2E_UNINSTRUMENTED)
  std::string instrumented; // object built from the rewrite
  std::string manifest;     // the rewrite's manifest
};

// The compiler the docs name; a test of another passes its own (clang-14).
inline const std::string kClang = E2E_CLANG;

// Instruments programs/NAME.c with `modeFlags` (e.g. {"--per-function"}) and
// compiles both versions into `workDir` with `compiler`, adding `clangFlags`
// (e.g. {"-DINXPECT_STATS_LAYOUT=1"}). Fails the current test, with the
// tools' output, if a step fails.
BuiltProgram buildProgram(const std::string &name, const std::vector<std::string> &modeFlags,
                          const std::string &workDir,
                          const std::vector<std::string> &clangFlags = {},
                          const std::string &compiler = kClang);

// The same for any source file (examples/cms.c): `sourceFlags` (e.g.
// {"-DCMS_HASH_DJB2"}) go to all three steps, the original, the rewrite and
// the rewritten build, and the source's directory is on the include path.
BuiltProgram buildSource(const std::string &source, const std::vector<std::string> &modeFlags,
                         const std::string &workDir, const std::vector<std::string> &sourceFlags = {},
                         const std::string &compiler = kClang);

// A fresh directory under the build's temporary space for one test.
std::string makeWorkDir(const std::string &testName);

// Runs a shell command, returning its exit status, with its stdout in
// `output` (add 2>&1 to the command for stderr too).
int runCommand(const std::string &command, std::string &output);

} // namespace e2e
