// Reads the tool's options with LLVM's command-line parser, so that a
// mistyped long option is answered with the nearest long option.
#pragma once

#include "llvm/ADT/StringRef.h"

namespace inxpect {

// cl::ParseCommandLineOptions for argv (without what follows `--`); false
// after the error has been printed.
bool parseOptions(int argc, const char *const *argv, llvm::StringRef overview);

} // namespace inxpect
