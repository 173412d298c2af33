#include "ToolDefaults.h"

#include <cstdlib>

#include "llvm/ADT/StringRef.h"

namespace inxpect {

std::string defaultOutputPath(const std::string &source) {
  llvm::StringRef s(source);
  if (s.ends_with(".c"))
    s = s.drop_back(2);
  return s.str() + ".inxpect.c";
}

std::string defaultManifestPath(const std::string &output) {
  llvm::StringRef s(output);
  if (s.ends_with(".c"))
    s = s.drop_back(2);
  return s.str() + ".json";
}

std::string runtimeIncludeDir() {
  if (const char *dir = std::getenv("INXPECT_RUNTIME_DIR"))
    return dir;
  return INXPECT_RUNTIME_DIR;
}

std::vector<std::string> defaultBpfFlags() {
  return {"-target", "bpf", "-O2", "-g", "-D__TARGET_ARCH_x86",
          "-I" INXPECT_MULTIARCH_INCLUDE, "-I" + runtimeIncludeDir()};
}

clang::tooling::ArgumentsAdjuster bpfArgumentsAdjuster() {
  return [](const clang::tooling::CommandLineArguments &args, llvm::StringRef) {
    clang::tooling::CommandLineArguments out = args;
    bool hasTarget = false, hasResourceDir = false;
    for (const std::string &a : args) {
      llvm::StringRef arg(a);
      hasTarget |= arg == "-target" || arg.starts_with("--target=") || arg.starts_with("-target=");
      hasResourceDir |= arg.starts_with("-resource-dir");
    }
    // Inserted after the compiler name, so they come before a trailing file.
    auto at = out.empty() ? out.end() : out.begin() + 1;
    std::vector<std::string> extra;
    if (!hasTarget)
      extra.insert(extra.end(), {"-target", "bpf"});
    if (!hasResourceDir)
      extra.push_back("-resource-dir=" INXPECT_CLANG_RESOURCE_DIR);
    extra.push_back("-I" + runtimeIncludeDir());
    // inxpect.h then accepts START_TRACE(name) without the id the rewrite adds.
    extra.push_back("-DINXPECT_INSTRUMENTING");
    out.insert(at, extra.begin(), extra.end());
    return out;
  };
}

} // namespace inxpect
