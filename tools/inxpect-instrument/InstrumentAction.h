// The rewrite as a clang FrontendAction: parse the source, find its
// sections, insert the probes, write the output and the manifest.
#pragma once

#include <memory>
#include <string>

#include "clang/Tooling/Tooling.h"

namespace inxpect {

struct InstrumentOptions {
  bool perFunction = false;
  bool perLoop = false;
  std::string functionFilter; // --functions: a regex the whole name must match
  std::string sourceName;   // the source as the user named it (manifest "source")
  std::string outputPath;   // the rewritten source
  std::string manifestPath; // the JSON manifest
};

std::unique_ptr<clang::tooling::FrontendActionFactory>
makeInstrumentActionFactory(const InstrumentOptions &options);

} // namespace inxpect
