// Several sources in one call (`inxpect-instrument a.c b.c`), each with its
// own outputs, all written together or none. A header that several of them
// include is written once: its probes spell their ids by name (ProbeText.h),
// so its rewrite is the same for every source that sees the same code in it.
#pragma once

#include <string>
#include <vector>

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"

#include "InstrumentAction.h"

namespace inxpect {

struct SourceBatch {
  std::vector<std::string> sources;
  InstrumentOptions modes; // the modes and filters; paths are per source
  std::string outputPath;  // -o, one source only
  std::string manifestPath; // --manifest, one source only
};

// Checks the sources and their output paths (exit code 2 or 1 after saying
// why), else 0.
int checkSources(const SourceBatch &batch);

// Rewrites every source; writes nothing unless all succeed. The exit code.
int instrumentSources(const SourceBatch &batch, const clang::tooling::CompilationDatabase &db,
                      const clang::tooling::ArgumentsAdjuster &adjuster);

} // namespace inxpect
