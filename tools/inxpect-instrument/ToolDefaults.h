// What `inxpect-instrument xdp.c` does when the user says nothing more: the
// output names beside the input and the flags a BPF build needs.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"

namespace inxpect {

std::string defaultOutputPath(const std::string &source);      // xdp.c -> xdp.inxpect.c
std::string defaultManifestPath(const std::string &output);    // xdp.inxpect.c -> xdp.inxpect.json

// -target bpf -O2 -g, the multiarch include directory (-idirafter: the
// program's own -I and -isystem directories are searched first), the
// runtime include dir: the whole command when there is neither `--` nor a
// compilation database, and what the flags after `--` add to.
std::vector<std::string> defaultBpfFlags();

// The flags after `--` added to the defaults, as the user expects of
// `inxpect-instrument xdp.c -- -DFOO`: the defaults go first, so a later
// -target, -O, -D or -U of the user's wins (clang takes the last); a
// -D__TARGET_ARCH_* of the user's replaces the default one, which would
// otherwise be defined too and chosen first by bpf_tracing.h.
std::unique_ptr<clang::tooling::CompilationDatabase>
withDefaultBpfFlags(std::unique_ptr<clang::tooling::CompilationDatabase> afterDashes);

// --extra-arg-before and --extra-arg, as in clang-tidy: inserted after the
// compiler's name and appended, in whichever command is used (`--`, -p, or
// the defaults).
clang::tooling::ArgumentsAdjuster extraArgumentsAdjuster(const std::vector<std::string> &before,
                                                         const std::vector<std::string> &after);

// Added to every compile command: clang's resource directory (the tool does
// not live beside clang), the runtime headers, and -target bpf when the
// command names no target, since the output is for BPF whatever parsed it.
clang::tooling::ArgumentsAdjuster bpfArgumentsAdjuster();

// What is wrong with the first of `flags` clang's driver would refuse (it
// only prints a diagnostic and goes on), e.g. "'-fno-such' is not a clang
// flag"; "" when they are all flags clang knows.
std::string badClangFlag(const std::vector<std::string> &flags);

// Where runtime/bpf/inxpect.h is: $INXPECT_RUNTIME_DIR, else the installed
// copy beside this tool (<exe dir>/../include/inxpect), else the source tree's.
std::string runtimeIncludeDir();

} // namespace inxpect
