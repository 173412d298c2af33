// The rewrite as a clang FrontendAction: parse the source, find its
// sections (in it and in its own headers), insert the probes, and hand back
// the rewritten files and the manifest for the caller to write.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "clang/Tooling/Tooling.h"

#include "OutputFiles.h"
#include "OwnHeaders.h"

namespace inxpect {

struct InstrumentOptions {
  bool perFunction = false;
  bool perLoop = false;
  std::string functionFilter; // --functions: a regex the whole name must match
  HeaderChoice headers;       // --headers
  std::string sourceName;   // the source as the user named it (manifest "source")
  std::string outputPath;   // the rewritten source
  std::string manifestPath; // the JSON manifest
};

// On success `outputs` gets the rewritten source, each rewritten header and
// the manifest, in that order; after an error (reported), nothing.
std::unique_ptr<clang::tooling::FrontendActionFactory>
makeInstrumentActionFactory(const InstrumentOptions &options, std::vector<OutputFile> &outputs);

} // namespace inxpect
