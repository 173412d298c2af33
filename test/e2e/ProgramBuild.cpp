#include "ProgramBuild.h"

#include <array>
#include <cstdio>
#include <filesystem>

#include <gtest/gtest.h>
#include <sys/wait.h>

namespace e2e {

namespace {

std::string compileCommand(const std::string &source, const std::string &object,
                           const std::string &extraFlags = "") {
  return std::string(E2E_CLANG) + " -target bpf -O2 -g -Wall -Werror -I" E2E_MULTIARCH_INCLUDE
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

std::string makeWorkDir(const std::string &testName) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "inxpect-e2e" / testName;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

BuiltProgram buildProgram(const std::string &name, const std::vector<std::string> &modeFlags,
                          const std::string &workDir, const std::vector<std::string> &clangFlags) {
  std::string source = std::string(E2E_PROGRAM_DIR) + "/" + name + ".c";
  BuiltProgram built;
  built.original = workDir + "/" + name + ".o";
  built.instrumented = workDir + "/" + name + ".inxpect.o";
  built.manifest = workDir + "/" + name + ".inxpect.json";
  std::string rewritten = workDir + "/" + name + ".inxpect.c";

  std::string instrument = std::string(E2E_BIN_DIR) + "/inxpect-instrument";
  for (const std::string &flag : modeFlags)
    instrument += " " + flag;
  instrument += " " + source + " -o " + rewritten + " --manifest " + built.manifest +
                " -- -target bpf -O2 -g -I" E2E_MULTIARCH_INCLUDE " -I" E2E_PROGRAM_DIR;
  // Hand-written traces compile to nothing in the original (e2e_manual_trace.h).
  mustRun(compileCommand(source, built.original, "-DE2E_UNINSTRUMENTED"));
  mustRun(instrument);
  std::string extra;
  for (const std::string &flag : clangFlags)
    extra += " " + flag;
  mustRun(compileCommand(rewritten, built.instrumented) + extra);
  return built;
}

} // namespace e2e
