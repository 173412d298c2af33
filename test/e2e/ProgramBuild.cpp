#include "ProgramBuild.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <filesystem>

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

namespace e2e {

namespace {

std::string compileCommand(const std::string &compiler, const std::string &source,
                           const std::string &object, const std::string &extraFlags = "") {
  return compiler + " -target bpf -O2 -g -Wall -Werror -I" E2E_MULTIARCH_INCLUDE
         " -I" E2E_RUNTIME_DIR " -I" E2E_PROGRAM_DIR " " + extraFlags + " -c " + source + " -o " + object;
}

void mustRun(const std::string &command) {
  std::string output;
  int status = runCommand(command + " 2>&1", output);
  ASSERT_EQ(status, 0) << "command failed: " << command << "\n" << output;
}

} // namespace

int runCommand(const std::string &command, std::string &output) {
  output.clear();
  FILE *pipe = popen(command.c_str(), "r");
  if (!pipe)
    return -1;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0)
    output.append(buf.data(), n);
  int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

namespace {

// One directory a test process, made on first use: removed when its tests
// pass, kept and named when one fails or INXPECT_KEEP_WORK is set.
class WorkRoot : public ::testing::Environment {
public:
  const std::string &path() {
    if (path_.empty()) {
      std::string pattern = (std::filesystem::temp_directory_path() / "inxpect-e2e.XXXXXX").string();
      if (!::mkdtemp(pattern.data()))
        throw std::runtime_error("cannot create a directory under " +
                                 std::filesystem::temp_directory_path().string());
      path_ = pattern;
      // Some tests run the runner as another user, who must read the objects.
      std::filesystem::permissions(path_, std::filesystem::perms::owner_all |
                                              std::filesystem::perms::group_read |
                                              std::filesystem::perms::group_exec |
                                              std::filesystem::perms::others_read |
                                              std::filesystem::perms::others_exec);
    }
    return path_;
  }
  void TearDown() override {
    if (path_.empty())
      return;
    const char *keep = std::getenv("INXPECT_KEEP_WORK");
    if (::testing::UnitTest::GetInstance()->Failed() || (keep && *keep))
      std::fprintf(stderr, "e2e: work files kept in %s\n", path_.c_str());
    else
      std::filesystem::remove_all(path_);
  }

private:
  std::string path_;
};

WorkRoot *workRoot() {
  static WorkRoot *root =
      static_cast<WorkRoot *>(::testing::AddGlobalTestEnvironment(new WorkRoot));
  return root;
}

// Registered before main runs the tests, so its TearDown runs after them.
[[maybe_unused]] WorkRoot *const registered = workRoot();

} // namespace

std::string makeWorkDir(const std::string &testName) {
  std::filesystem::path dir = std::filesystem::path(workRoot()->path()) / testName;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

namespace {

std::string joined(const std::vector<std::string> &flags) {
  std::string out;
  for (const std::string &flag : flags)
    out += " " + flag;
  return out;
}

// `originalFlags` only for the original, `rewriteFlags` for the rewrite and
// both builds, `instrumentedFlags` only for the rewritten build.
BuiltProgram build(const std::string &source, const std::vector<std::string> &modeFlags,
                   const std::string &workDir, const std::string &originalFlags,
                   const std::string &rewriteFlags, const std::string &instrumentedFlags,
                   const std::string &compiler) {
  std::string name = std::filesystem::path(source).stem().string();
  BuiltProgram built;
  built.original = workDir + "/" + name + ".o";
  built.instrumented = workDir + "/" + name + ".inxpect.o";
  built.manifest = workDir + "/" + name + ".inxpect.json";
  std::string rewritten = workDir + "/" + name + ".inxpect.c";

  std::string instrument = std::string(E2E_BIN_DIR) + "/inxpect-instrument" + joined(modeFlags) + " " +
                           source + " -o " + rewritten + " --manifest " + built.manifest +
                           " -- -target bpf -O2 -g -I" E2E_MULTIARCH_INCLUDE " -I" E2E_PROGRAM_DIR +
                           rewriteFlags;
  mustRun(compileCommand(compiler, source, built.original, originalFlags + rewriteFlags));
  mustRun(instrument);
  mustRun(compileCommand(compiler, rewritten, built.instrumented, rewriteFlags) + instrumentedFlags);
  return built;
}

} // namespace

BuiltProgram buildProgram(const std::string &name, const std::vector<std::string> &modeFlags,
                          const std::string &workDir, const std::vector<std::string> &clangFlags,
                          const std::string &compiler) {
  // Hand-written traces compile to nothing in the original (e2e_manual_trace.h).
  return build(std::string(E2E_PROGRAM_DIR) + "/" + name + ".c", modeFlags, workDir,
               "-DE2E_UNINSTRUMENTED", "", joined(clangFlags), compiler);
}

BuiltProgram buildSource(const std::string &source, const std::vector<std::string> &modeFlags,
                         const std::string &workDir, const std::vector<std::string> &sourceFlags,
                         const std::string &compiler) {
  // The rewrite lives in workDir: the source's own headers must stay visible.
  std::string flags = " -I" + std::filesystem::path(source).parent_path().string() + joined(sourceFlags);
  return build(source, modeFlags, workDir, "", flags, "", compiler);
}

} // namespace e2e
