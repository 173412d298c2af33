#include "InstrumentAction.h"

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
                     const HandWrittenTraces &traces)
      : ci_(ci), options_(options), report_(ci.getDiagnostics()), traces_(traces) {}

  void HandleTranslationUnit(clang::ASTContext &ctx) override {
    if (report_.hasErrors())
      return; // clang has said what is wrong; write nothing
    const clang::SourceManager &sm = ctx.getSourceManager();
    clang::FileID main = sm.getMainFileID();
    llvm::StringRef code = sm.getBufferData(main);
    SourceTokens tokens(code, ci_.getLangOpts());
    if (std::optional<unsigned> at = findInstrumentedMarker(tokens)) {
      report_.error(sm.getComposedLoc(main, *at),
                    "input is already instrumented (it holds the section table "
                    "inxpect-instrument appends): instrument the original source");
      return;
    }
    std::vector<PlannedSection> found = findSections(ctx, tokens);
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
    for (PlannedSection &s : plan.sections) {
      s.section.file = options_.sourceName;
      manifest.sections.push_back(s.section);
    }
    std::string output;
    if (plan.sections.empty()) {
      report_.warning(sm.getLocForStartOfFile(main),
                      "no sections to instrument: pass --per-function or --per-loop, or mark "
                      "regions with // inxpect: comments; the output is the input unchanged");
      output = code.str();
    } else if (!rewrite(ctx, tokens, plan, manifest, output)) {
      return;
    } else if (manifest.clockOnly) {
      report_.note(license.where.isValid() ? license.where : sm.getLocForStartOfFile(main),
                   clockOnlyReason(manifest) +
                       ": the kernel lets such a program call no kfunc, so its probes read "
                       "the clock only (bpf_ktime_get_ns), never the inxpect module's "
                       "counters; a GPL-compatible license lifts this");
    }
    std::string failure = writeAllOrNothing(
        {{options_.outputPath, output}, {options_.manifestPath, formatManifest(manifest)}});
    if (!failure.empty())
      report_.error(clang::SourceLocation(), failure);
  }

private:
  std::vector<PlannedSection> findSections(clang::ASTContext &ctx, const SourceTokens &tokens) {
    const clang::SourceManager &sm = ctx.getSourceManager();
    sites_ = findFunctionSites(ctx, report_);
    functions_.reserve(sites_.size()); // PlannedSection points into it
    for (const FunctionSite &site : sites_)
      functions_.push_back(collectFunctionFacts(*site.decl, site.entry, ctx, tokens));
    std::vector<PlannedSection> found;
    auto take = [&found](std::vector<PlannedSection> more) {
      found.insert(found.end(), more.begin(), more.end());
    };
    if (options_.perFunction)
      take(findFunctionSections(sites_, functions_, options_.functionFilter, sm));
    if (options_.perLoop)
      take(findLoopSections(functions_, ctx, tokens, report_));
    take(findRegionSections(findMarkers(tokens, report_, sm), functions_, ctx, tokens, report_));
    take(findManualSections(traces_, functions_, report_));
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

  bool rewrite(clang::ASTContext &ctx, const SourceTokens &tokens, const RewritePlan &plan,
               const Manifest &manifest, std::string &output) {
    llvm::StringRef code = tokens.code();
    // Before the first probe, and before the program's own include of
    // inxpect.h, which must see the switches too.
    unsigned limit = std::min(plan.firstInsertion, traces_.headerIncluded.value_or(~0u));
    std::vector<OffsetRange> declarations = mainFileDeclarations(ctx, limit);
    HeaderSwitches switches;
    switches.clockOnly = manifest.clockOnly;
    switches.programTraceMacros = !traces_.programMacros.empty();
    std::vector<Insertion> insertions = plan.insertions;
    for (Insertion &zero : zeroInitialisers(sites_, ctx))
      insertions.push_back(std::move(zero));
    const clang::SourceManager &sm = ctx.getSourceManager();
    std::string source = sm.getFilename(sm.getLocForStartOfFile(sm.getMainFileID())).str();
    for (Insertion &directive :
         placePreamble(tokens, limit, declarations, preamble(switches), source))
      insertions.push_back(std::move(directive));
    insertions.push_back(
        {static_cast<unsigned>(code.size()), objectTail(manifest, code.ends_with("\n"))});
    llvm::Expected<std::string> rewritten = applyInsertions(code, insertions);
    if (!rewritten) {
      report_.error(clang::SourceLocation(),
                    "internal error: overlapping edits: " + llvm::toString(rewritten.takeError()));
      return false;
    }
    output = std::move(*rewritten);
    return true;
  }

  clang::CompilerInstance &ci_;
  InstrumentOptions options_;
  Reporter report_;
  const HandWrittenTraces &traces_;
  std::vector<FunctionSite> sites_;
  std::vector<FunctionFacts> functions_;
};

class InstrumentAction : public clang::ASTFrontendAction {
public:
  explicit InstrumentAction(const InstrumentOptions &options) : options_(options) {}

protected:
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &ci,
                                                        llvm::StringRef) override {
    ci.getPreprocessor().addPPCallbacks(makeTraceMacroCollector(ci.getSourceManager(), traces_));
    return std::make_unique<InstrumentConsumer>(ci, options_, traces_);
  }

private:
  InstrumentOptions options_;
  HandWrittenTraces traces_;
};

class Factory : public clang::tooling::FrontendActionFactory {
public:
  explicit Factory(const InstrumentOptions &options) : options_(options) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<InstrumentAction>(options_);
  }

private:
  InstrumentOptions options_;
};

} // namespace

std::unique_ptr<clang::tooling::FrontendActionFactory>
makeInstrumentActionFactory(const InstrumentOptions &options) {
  return std::make_unique<Factory>(options);
}

} // namespace inxpect
