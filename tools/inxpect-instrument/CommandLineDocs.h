// inxpect-instrument's man page and bash completion, made from the options
// registered with LLVM's command line (the tool's category and LLVM's own
// --help and --version: what --help lists) and the prose of HelpText. The
// build writes them with the hidden --help-man and --bash-completion.
#pragma once

#include <string>

#include "llvm/Support/CommandLine.h"

namespace inxpect {

std::string instrumentManPage(llvm::cl::OptionCategory &category);
std::string instrumentBashCompletion(llvm::cl::OptionCategory &category);

} // namespace inxpect
