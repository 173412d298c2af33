#include "InstrumentAction.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "llvm/Support/Regex.h"

#include "Diagnostics.h"
#include "FunctionSections.h"
#include "IncludePlacement.h"
#include "InstrumentedInput.h"
#include "OutputFiles.h"
#include "ProbePlan.h"

namespace inxpect {

namespace {

SourcePos positionOf(const clang::SourceManager &sm, clang::SourceLocation loc) {
  loc = sm.getExpansionLoc(loc);
  return {sm.getExpansionLineNumber(loc), sm.getExpansionColumnNumber(loc)};
}

class InstrumentConsumer : public clang::ASTConsumer {
public:
  InstrumentConsumer(clang::CompilerInstance &ci, const InstrumentOptions &options)
      : ci_(ci), options_(options), report_(ci.getDiagnostics()) {}

  void HandleTranslationUnit(clang::ASTContext &ctx) override {
    if (report_.hasErrors())
      return; // clang has said what is wrong; write nothing
    const clang::SourceManager &sm = ctx.getSourceManager();
    clang::FileID main = sm.getMainFileID();
    llvm::StringRef code = sm.getBufferData(main);
    if (std::optional<unsigned> at = findInstrumentedMarker(code, ci_.getLangOpts())) {
      report_.error(sm.getComposedLoc(main, *at),
                    "input is already instrumented (it holds the section table "
                    "inxpect-instrument appends): instrument the original source");
      return;
    }

    std::vector<ProbeSite> sites = planSections(ctx);
    Manifest manifest;
    manifest.source = options_.sourceName;
    manifest.output = options_.outputPath;
    for (const ProbeSite &s : sites)
      manifest.sections.push_back(s.section);

    std::string output;
    if (sites.empty()) {
      report_.warning(sm.getLocForStartOfFile(main),
                      "no sections to instrument: pass --per-function to make every "
                      "function a section; the output is the input unchanged");
      output = code.str();
    } else if (!rewrite(ctx, code, sites, manifest, output)) {
      return;
    }
    std::string failure = writeAllOrNothing(
        {{options_.outputPath, output}, {options_.manifestPath, formatManifest(manifest)}});
    if (!failure.empty())
      report_.error(clang::SourceLocation(), failure);
  }

private:
  std::vector<ProbeSite> planSections(clang::ASTContext &ctx) {
    const clang::SourceManager &sm = ctx.getSourceManager();
    std::vector<ProbeSite> sites;
    if (!options_.perFunction)
      return sites;
    // Anchored: --functions names whole functions, as a user reads it.
    llvm::Regex filter("^(" + options_.functionFilter + ")$");
    for (const FunctionSite &fn : findFunctionSites(ctx, report_)) {
      if (!options_.functionFilter.empty() && !filter.match(fn.name)) {
        if (fn.entry) {
          runStarts_.push_back(fn.bodyOffset);
          firstProbeBegin_ = std::min(firstProbeBegin_, sm.getFileOffset(fn.begin));
        }
        continue;
      }
      ProbeSite site;
      site.section.id = static_cast<unsigned>(sites.size());
      site.section.name = fn.name;
      site.section.kind = SectionKind::Function;
      site.section.function = fn.name;
      site.section.file = options_.sourceName;
      site.section.begin = positionOf(sm, fn.begin);
      site.section.end = positionOf(sm, fn.end);
      site.offset = fn.bodyOffset;
      site.entry = fn.entry;
      sites.push_back(site);
      firstProbeBegin_ = std::min(firstProbeBegin_, sm.getFileOffset(fn.begin));
    }
    return sites;
  }

  bool rewrite(clang::ASTContext &ctx, llvm::StringRef code, const std::vector<ProbeSite> &sites,
               const Manifest &manifest, std::string &output) {
    const clang::SourceManager &sm = ctx.getSourceManager();
    std::vector<OffsetRange> declarations;
    for (clang::Decl *d : ctx.getTranslationUnitDecl()->decls()) {
      clang::SourceRange r = sm.getExpansionRange(d->getSourceRange()).getAsRange();
      if (r.isValid() && sm.isInMainFile(r.getBegin()) && sm.isInMainFile(r.getEnd()))
        declarations.push_back({sm.getFileOffset(r.getBegin()), sm.getFileOffset(r.getEnd())});
    }
    std::optional<unsigned> includeAt =
        findIncludeOffset(code, ci_.getLangOpts(), firstProbeBegin_, declarations);
    if (!includeAt) {
      report_.error(sm.getComposedLoc(sm.getMainFileID(), firstProbeBegin_),
                    "no free line before the first section to put #include \"inxpect.h\" on "
                    "without moving a line: add an empty line before this function");
      return false;
    }
    bool lineIsEmpty = *includeAt >= code.size() || code[*includeAt] == '\n' ||
                       code.substr(*includeAt).take_until([](char c) { return c == '\n'; })
                               .trim().empty();
    std::vector<Insertion> insertions{{*includeAt, includeDirective(lineIsEmpty)}};
    for (const ProbeSite &s : sites)
      insertions.push_back({s.offset, openingProbe(s)});
    for (unsigned offset : runStarts_)
      insertions.push_back({offset, runStart()});
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
  unsigned firstProbeBegin_ = ~0u; // the include must come before this
  std::vector<unsigned> runStarts_; // entry programs that are no section
};

class InstrumentAction : public clang::ASTFrontendAction {
public:
  explicit InstrumentAction(const InstrumentOptions &options) : options_(options) {}

protected:
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &ci,
                                                        llvm::StringRef) override {
    return std::make_unique<InstrumentConsumer>(ci, options_);
  }

private:
  InstrumentOptions options_;
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
