#include "ToolDefaults.h"

#include <cstdlib>

#include "clang/Driver/Options.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

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

std::string badClangFlag(const std::vector<std::string> &flags) {
  std::vector<const char *> argv;
  for (const std::string &flag : flags)
    argv.push_back(flag.c_str());
  unsigned missingIndex = 0, missingCount = 0;
  llvm::opt::InputArgList args = clang::driver::getDriverOptTable().ParseArgs(
      argv, missingIndex, missingCount, llvm::opt::Visibility(clang::driver::options::ClangOption));
  for (const llvm::opt::Arg *arg : args.filtered(clang::driver::options::OPT_UNKNOWN))
    return "'" + arg->getAsString(args) + "' is not a clang flag";
  return missingCount ? "'" + flags[missingIndex] + "' needs a value" : "";
}

namespace {

// PREFIX/include/inxpect when this tool runs from PREFIX/bin (cmake --install,
// the .deb), so an installed tool needs neither the source tree nor a fixed
// prefix; "" in the build tree.
std::string installedIncludeDir() {
  static int anchor;
  std::string exe = llvm::sys::fs::getMainExecutable("inxpect-instrument", &anchor);
  llvm::SmallString<256> dir(llvm::sys::path::parent_path(llvm::sys::path::parent_path(exe)));
  llvm::sys::path::append(dir, "include", "inxpect");
  llvm::SmallString<256> header(dir);
  llvm::sys::path::append(header, "inxpect.h");
  return llvm::sys::fs::exists(header) ? std::string(dir) : "";
}

} // namespace

std::string runtimeIncludeDir() {
  if (const char *dir = std::getenv("INXPECT_RUNTIME_DIR"))
    return dir;
  static const std::string installed = installedIncludeDir();
  return installed.empty() ? INXPECT_RUNTIME_DIR : installed;
}

namespace {

const char defaultTargetArch[] = "-D__TARGET_ARCH_x86";

} // namespace

std::vector<std::string> defaultBpfFlags() {
  return {"-target", "bpf", "-O2", "-g", defaultTargetArch,
          "-idirafter", INXPECT_MULTIARCH_INCLUDE, "-I" + runtimeIncludeDir()};
}

std::unique_ptr<clang::tooling::CompilationDatabase>
withDefaultBpfFlags(std::unique_ptr<clang::tooling::CompilationDatabase> afterDashes) {
  auto db = std::make_unique<clang::tooling::ArgumentsAdjustingCompilations>(std::move(afterDashes));
  db->appendArgumentsAdjuster([](const clang::tooling::CommandLineArguments &args,
                                    llvm::StringRef file) {
    bool namesArch = llvm::any_of(args, [](llvm::StringRef arg) {
      return arg.starts_with("-D__TARGET_ARCH_");
    });
    std::vector<std::string> defaults = defaultBpfFlags();
    if (namesArch)
      llvm::erase(defaults, defaultTargetArch);
    return clang::tooling::getInsertArgumentAdjuster(
        defaults, clang::tooling::ArgumentInsertPosition::BEGIN)(args, file);
  });
  return db;
}

clang::tooling::ArgumentsAdjuster extraArgumentsAdjuster(const std::vector<std::string> &before,
                                                         const std::vector<std::string> &after) {
  using clang::tooling::ArgumentInsertPosition;
  return clang::tooling::combineAdjusters(
      clang::tooling::getInsertArgumentAdjuster(before, ArgumentInsertPosition::BEGIN),
      clang::tooling::getInsertArgumentAdjuster(after, ArgumentInsertPosition::END));
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
