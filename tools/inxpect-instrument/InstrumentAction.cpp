#include "InstrumentAction.h"

#include <algorithm>
#include <set>

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Preprocessor.h"

#include "Annotations.h"
#include "Diagnostics.h"
#include "FunctionSections.h"
#include "IncludePlacement.h"
#include "Insertions.h"
#include "InstrumentedInput.h"
#include "LocalInitializers.h"
#include "LoopSections.h"
#include "ManualSections.h"
#include "OutputFiles.h"
#include "ProbeText.h"
#include "ProgramLicense.h"
#include "RegionSections.h"
#include "SectionPlan.h"

namespace inxpect {

namespace {

class InstrumentConsumer : public clang::ASTConsumer {
public:
  InstrumentConsumer(clang::CompilerInstance &ci, const InstrumentOptions &options,
                     const HandWrittenTraces &traces, const IncludeGraph &includes,
                     std::vector<OutputFile> &outputs)
      : ci_(ci), options_(options), report_(ci.getDiagnostics()), traces_(traces),
        includes_(includes), outputs_(outputs) {}

  void HandleTranslationUnit(clang::ASTContext &ctx) override {
    if (report_.hasErrors())
      return; // clang has said what is wrong; write nothing
    const clang::SourceManager &sm = ctx.getSourceManager();
    files_ = chooseRewrittenFiles(ctx, includes_, options_.headers, options_.sourceName,
                                  options_.outputPath, report_);
    const SourceTokens &tokens = *files_.source().tokens;
    clang::FileID main = sm.getMainFileID();
    if (std::optional<unsigned> at = findInstrumentedMarker(tokens)) {
      report_.error(sm.getComposedLoc(main, *at),
                    "input is already instrumented (it holds the section table "
                    "inxpect-instrument appends): instrument the original source");
      return;
    }
    std::vector<PlannedSection> found = findSections(ctx);
    if (report_.hasErrors())
      return;
    RewritePlan plan = planRewrite(std::move(found), functions_, sm, report_);
    if (report_.hasErrors())
      return;

    Manifest manifest;
    manifest.source = options_.sourceName;
    manifest.output = options_.outputPath;
    ProgramLicense license = findProgramLicense(ctx);
    manifest.license = license.text;
    manifest.clockOnly = !license.gplCompatible;
    for (PlannedSection &s : plan.sections)
      manifest.sections.push_back(s.section);
    std::vector<OutputFile> rewritten;
    if (plan.sections.empty()) {
      report_.warning(sm.getLocForStartOfFile(main),
                      "no sections to instrument: pass --per-function or --per-loop, or mark "
                      "regions with // inxpect: comments; the output is the input unchanged");
      rewritten.push_back({options_.outputPath, tokens.code().str()});
    } else if (!rewrite(ctx, plan, manifest, rewritten)) {
      return;
    } else if (manifest.clockOnly) {
      report_.note(license.where.isValid() ? license.where : sm.getLocForStartOfFile(main),
                   clockOnlyReason(manifest) +
                       ": the kernel lets such a program call no kfunc, so its probes read "
                       "the clock only (bpf_ktime_get_ns), never the inxpect module's "
                       "counters; a GPL-compatible license lifts this");
    }
    rewritten.push_back({options_.manifestPath, formatManifest(manifest)});
    outputs_.insert(outputs_.end(), rewritten.begin(), rewritten.end());
  }

private:
  std::vector<PlannedSection> findSections(clang::ASTContext &ctx) {
    sites_ = findFunctionSites(ctx, files_, report_);
    functions_.reserve(sites_.size()); // PlannedSection points into it
    for (const FunctionSite &site : sites_)
      functions_.push_back(collectFunctionFacts(*site.decl, site.entry, *site.file, ctx));
    std::vector<PlannedSection> found;
    auto take = [&found](std::vector<PlannedSection> more) {
      found.insert(found.end(), more.begin(), more.end());
    };
    if (options_.perFunction)
      take(findFunctionSections(sites_, functions_, options_.functionFilter,
                                ctx.getSourceManager()));
    if (options_.perLoop)
      take(findLoopSections(functions_, ctx, report_));
    for (const auto &file : files_.files)
      if (file->tokens)
        take(findRegionSections(findMarkers(*file->tokens, report_, ctx.getSourceManager()),
                              functions_, ctx, *file->tokens, report_));
    take(findManualSections(traces_, files_, functions_, report_));
    return found;
  }

  // Top-level declarations of the main file; `limit` moves back to the
  // start of the one holding it.
  static std::vector<OffsetRange> mainFileDeclarations(clang::ASTContext &ctx, unsigned &limit) {
    const clang::SourceManager &sm = ctx.getSourceManager();
    std::vector<OffsetRange> declarations;
    unsigned start = limit;
    for (clang::Decl *d : ctx.getTranslationUnitDecl()->decls()) {
      clang::SourceRange r = sm.getExpansionRange(d->getSourceRange()).getAsRange();
      if (r.isValid() && sm.isInMainFile(r.getBegin()) && sm.isInMainFile(r.getEnd())) {
        unsigned begin = sm.getFileOffset(r.getBegin()), end = sm.getFileOffset(r.getEnd());
        declarations.push_back({begin, end});
        if (begin <= limit && limit <= end)
          start = std::min(start, begin);
      }
    }
    limit = start;
    return declarations;
  }

  // The preamble's directives: what inxpect.h is told, the include, and the
  // numbers of the headers' sections.
  std::vector<std::string> preambleFor(const RewritePlan &plan, const Manifest &manifest) const {
    HeaderSwitches switches;
    switches.clockOnly = manifest.clockOnly;
    switches.programTraceMacros = !traces_.programMacros.empty();
    std::vector<std::string> directives = preamble(switches);
    std::vector<std::pair<std::string, unsigned>> headerIds;
    for (const PlannedSection &s : plan.sections)
      if (!s.function->file->isSource())
        headerIds.push_back({s.probeId, s.section.id});
    if (!headerIds.empty())
      directives.push_back(headerIdEnum(headerIds));
    return directives;
  }

  // The source and every header that changes, rewritten, in `out`.
  bool rewrite(clang::ASTContext &ctx, const RewritePlan &plan, const Manifest &manifest,
               std::vector<OutputFile> &out) {
    const clang::SourceManager &sm = ctx.getSourceManager();
    InsertionsByFile insertions = plan.insertions;
    std::set<unsigned> written = {files_.source().index};
    for (const auto &[index, probes] : plan.insertions)
      written.insert(index);
    unsigned firstRedirect = redirectIncludes(files_, includes_, sm, written, insertions);
    zeroInitialisers(sites_, ctx, insertions);

    const SourceTokens &tokens = *files_.source().tokens;
    llvm::StringRef code = tokens.code();
    // Before the first probe, the first #include of a rewritten header, and
    // the program's own include of inxpect.h, which must see the switches too.
    unsigned limit = std::min({plan.firstInsertion, firstRedirect,
                               traces_.headerIncluded.value_or(~0u)});
    std::vector<OffsetRange> declarations = mainFileDeclarations(ctx, limit);
    std::string source = sm.getFilename(sm.getLocForStartOfFile(sm.getMainFileID())).str();
    std::vector<Insertion> &intoSource = insertions[files_.source().index];
    for (Insertion &directive :
         placePreamble(tokens, limit, declarations, preambleFor(plan, manifest), source))
      intoSource.push_back(std::move(directive));
    intoSource.push_back(
        {static_cast<unsigned>(code.size()), objectTail(manifest, code.ends_with("\n"))});

    for (unsigned index : written) {
      const RewrittenFile &file = *files_.files[index];
      llvm::Expected<std::string> text = applyInsertions(file.code, insertions[index]);
      if (!text) {
        report_.error(sm.getLocForStartOfFile(file.id),
                      "internal error: overlapping edits: " + llvm::toString(text.takeError()));
        return false;
      }
      out.push_back({file.outputPath, std::move(*text), /*mirrored=*/!file.isSource()});
    }
    return true;
  }

  clang::CompilerInstance &ci_;
  InstrumentOptions options_;
  Reporter report_;
  const HandWrittenTraces &traces_;
  const IncludeGraph &includes_;
  std::vector<OutputFile> &outputs_;
  SourceFiles files_;
  std::vector<FunctionSite> sites_;
  std::vector<FunctionFacts> functions_;
};

class InstrumentAction : public clang::ASTFrontendAction {
public:
  InstrumentAction(const InstrumentOptions &options, std::vector<OutputFile> &outputs)
      : options_(options), outputs_(outputs) {}

protected:
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &ci,
                                                        llvm::StringRef) override {
    clang::Preprocessor &pp = ci.getPreprocessor();
    pp.addPPCallbacks(makeTraceMacroCollector(ci.getSourceManager(), traces_));
    pp.addPPCallbacks(makeIncludeRecorder(ci.getSourceManager(), includes_));
    return std::make_unique<InstrumentConsumer>(ci, options_, traces_, includes_, outputs_);
  }

private:
  InstrumentOptions options_;
  std::vector<OutputFile> &outputs_;
  HandWrittenTraces traces_;
  IncludeGraph includes_;
};

class Factory : public clang::tooling::FrontendActionFactory {
public:
  Factory(const InstrumentOptions &options, std::vector<OutputFile> &outputs)
      : options_(options), outputs_(outputs) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<InstrumentAction>(options_, outputs_);
  }

private:
  InstrumentOptions options_;
  std::vector<OutputFile> &outputs_;
};

} // namespace

std::unique_ptr<clang::tooling::FrontendActionFactory>
makeInstrumentActionFactory(const InstrumentOptions &options, std::vector<OutputFile> &outputs) {
  return std::make_unique<Factory>(options, outputs);
}

} // namespace inxpect
