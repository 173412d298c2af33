#include "SourceBatch.h"

#include <map>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include "OutputFiles.h"
#include "ToolDefaults.h"

namespace inxpect {

namespace {

InstrumentOptions optionsFor(const SourceBatch &batch, const std::string &source) {
  InstrumentOptions options = batch.modes;
  options.sourceName = source;
  options.outputPath = batch.outputPath.empty() ? defaultOutputPath(source) : batch.outputPath;
  options.manifestPath = batch.manifestPath.empty() ? defaultManifestPath(options.outputPath)
                                                    : batch.manifestPath;
  return options;
}

// One file per path: a header several sources share must come out the same.
bool mergeOutputs(const std::vector<std::pair<std::string, std::vector<OutputFile>>> &bySource,
                  std::vector<OutputFile> &merged) {
  std::map<std::string, std::pair<std::string, const std::string *>> seen; // path -> source, text
  for (const auto &[source, outputs] : bySource)
    for (const OutputFile &f : outputs) {
      auto [it, fresh] = seen.try_emplace(f.path, source, &f.content);
      if (fresh) {
        merged.push_back(f);
      } else if (*it->second.second != f.content) {
        llvm::errs() << "inxpect-instrument: error: '" << f.path << "' would differ for '"
                     << it->second.first << "' and '" << source
                     << "' (they see different code in the header, or its sections differ): "
                        "instrument them in separate calls with -o in separate directories\n";
        return false;
      }
    }
  return true;
}

} // namespace

int checkSources(const SourceBatch &batch) {
  if (batch.sources.size() > 1 && (!batch.outputPath.empty() || !batch.manifestPath.empty())) {
    llvm::errs() << "inxpect-instrument: error: -o and --manifest name the outputs of one "
                    "source; with several, each gets its own beside it (SOURCE.inxpect.c, "
                    "SOURCE.inxpect.json)\n";
    return 2;
  }
  for (const std::string &source : batch.sources) {
    if (!llvm::sys::fs::exists(source) || llvm::sys::fs::is_directory(source)) {
      llvm::errs() << "inxpect-instrument: error: cannot read '" << source << "': no such file\n";
      return 1;
    }
    InstrumentOptions options = optionsFor(batch, source);
    if (llvm::sys::fs::equivalent(options.outputPath, source) || options.manifestPath == source ||
        options.outputPath == options.manifestPath) {
      llvm::errs() << "inxpect-instrument: error: the output and the manifest must be new "
                      "files, not SOURCE or each other\n";
      return 2;
    }
  }
  return 0;
}

int instrumentSources(const SourceBatch &batch, const clang::tooling::CompilationDatabase &db,
                      const clang::tooling::ArgumentsAdjuster &adjuster) {
  std::vector<std::pair<std::string, std::vector<OutputFile>>> bySource;
  bool failed = false;
  for (const std::string &source : batch.sources) {
    std::vector<OutputFile> outputs;
    clang::tooling::ClangTool tool(db, {source});
    tool.appendArgumentsAdjuster(adjuster);
    failed |= tool.run(makeInstrumentActionFactory(optionsFor(batch, source), outputs).get()) != 0;
    bySource.push_back({source, std::move(outputs)});
  }
  std::vector<OutputFile> merged;
  if (failed || !mergeOutputs(bySource, merged))
    return 1;
  std::string failure = writeAllOrNothing(merged);
  if (!failure.empty()) {
    llvm::errs() << "inxpect-instrument: error: " << failure << "\n";
    return 1;
  }
  return 0;
}

} // namespace inxpect
