#include "FunctionSections.h"

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Regex.h"

namespace inxpect {

namespace {

bool isEntryProgram(const clang::FunctionDecl &fn) {
  // SEC("xdp") is __attribute__((section("xdp"))): only programs have one.
  const auto *sec = fn.getAttr<clang::SectionAttr>();
  return sec && sec->getName() != ".text";
}

} // namespace

std::vector<FunctionSite> findFunctionSites(clang::ASTContext &ctx, const SourceFiles &files,
                                            Reporter &report) {
  const clang::SourceManager &sm = ctx.getSourceManager();
  std::vector<FunctionSite> sites;
  for (clang::Decl *decl : ctx.getTranslationUnitDecl()->decls()) {
    auto *fn = llvm::dyn_cast<clang::FunctionDecl>(decl);
    if (!fn || !fn->doesThisDeclarationHaveABody())
      continue;
    const RewrittenFile *file = files.withSections(sm.getFileID(sm.getExpansionLoc(fn->getLocation())));
    if (!file)
      continue;
    const auto *body = llvm::dyn_cast<clang::CompoundStmt>(fn->getBody());
    if (!body)
      continue;
    clang::SourceLocation lbrace = body->getLBracLoc(), rbrace = body->getRBracLoc();
    if (lbrace.isMacroID() || rbrace.isMacroID()) {
      report.note(sm.getExpansionLoc(fn->getLocation()),
                  "function '" + fn->getNameAsString() +
                      "' is defined by a macro expansion: not instrumented");
      continue;
    }
    if (fn->hasAttr<clang::NakedAttr>())
      continue;
    FunctionSite site;
    site.decl = fn;
    site.file = file;
    site.name = fn->getNameAsString();
    site.begin = sm.getExpansionLoc(fn->getBeginLoc());
    site.end = rbrace;
    site.bodyOffset = sm.getFileOffset(lbrace) + 1;
    site.entry = isEntryProgram(*fn);
    sites.push_back(site);
  }
  return sites;
}

std::vector<PlannedSection> findFunctionSections(const std::vector<FunctionSite> &sites,
                                                 const std::vector<FunctionFacts> &functions,
                                                 llvm::StringRef filter,
                                                 const clang::SourceManager &sm) {
  // Anchored: --functions names whole functions, as a user reads it.
  llvm::Regex named("^(" + filter.str() + ")$");
  std::vector<PlannedSection> sections;
  for (size_t i = 0; i < sites.size(); ++i) {
    const FunctionSite &site = sites[i];
    if (!filter.empty() && !named.match(site.name))
      continue;
    PlannedSection s;
    s.section.name = site.file->namePrefix() + site.name;
    s.section.kind = SectionKind::Function;
    s.section.function = site.name;
    s.shape = ProbeShape::FunctionStart;
    s.function = &functions[i];
    s.span = {sm.getFileOffset(site.begin), sm.getFileOffset(site.end) + 1};
    s.open = site.bodyOffset;
    s.entry = site.entry;
    s.where = site.begin;
    sections.push_back(s);
  }
  return sections;
}

} // namespace inxpect
