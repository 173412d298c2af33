#include "OptionParsing.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

namespace inxpect {

namespace {

// Whether some `--name` (or `--name=value`) names no registered option.
bool hasUnknownLongOption(int argc, const char *const *argv) {
  const auto &options = llvm::cl::getRegisteredOptions();
  for (int i = 1; i < argc; ++i) {
    llvm::StringRef arg = argv[i];
    if (arg.consume_front("--") && !arg.empty() && !options.count(arg.split('=').first))
      return true;
  }
  return false;
}

} // namespace

bool parseOptions(int argc, const char *const *argv, llvm::StringRef overview) {
  // LLVM makes every one-letter option groupable, so it reads a mistyped
  // `--per-functoin` as -p followed by "er-functoin" and suggests '-p'.
  // Reading `--` as the start of a long option only makes it suggest the
  // nearest long option; that mode is on only when it is needed, since it
  // refuses the one-dash spelling clang tools also take (-per-function).
  bool longOptionsUseDoubleDash = hasUnknownLongOption(argc, argv);
  return llvm::cl::ParseCommandLineOptions(argc, argv, overview, &llvm::errs(),
                                           /*EnvVar=*/nullptr, longOptionsUseDoubleDash);
}

} // namespace inxpect
