// What `inxpect-instrument xdp.c` does when the user says nothing more: the
// output names beside the input and the flags a BPF build needs.
#pragma once

#include <string>
#include <vector>

#include "clang/Tooling/ArgumentsAdjusters.h"

namespace inxpect {

std::string defaultOutputPath(const std::string &source);      // xdp.c -> xdp.inxpect.c
std::string defaultManifestPath(const std::string &output);    // xdp.inxpect.c -> xdp.inxpect.json

// -target bpf, the multiarch include directory, the runtime include dir:
// used when there is neither `--` nor a compilation database.
std::vector<std::string> defaultBpfFlags();

// Added to every compile command: clang's resource directory (the tool does
// not live beside clang), the runtime headers, and -target bpf when the
// command names no target, since the output is for BPF whatever parsed it.
clang::tooling::ArgumentsAdjuster bpfArgumentsAdjuster();

// Where runtime/bpf/inxpect.h is: $INXPECT_RUNTIME_DIR, else the build's.
std::string runtimeIncludeDir();

} // namespace inxpect
