#include "FunctionSections.h"

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"

namespace inxpect {

namespace {

bool isEntryProgram(const clang::FunctionDecl &fn) {
  // SEC("xdp") is __attribute__((section("xdp"))): only programs have one.
  const auto *sec = fn.getAttr<clang::SectionAttr>();
  return sec && sec->getName() != ".text";
}

} // namespace

std::vector<FunctionSite> findFunctionSites(clang::ASTContext &ctx, Reporter &report) {
  const clang::SourceManager &sm = ctx.getSourceManager();
  std::vector<FunctionSite> sites;
  for (clang::Decl *decl : ctx.getTranslationUnitDecl()->decls()) {
    auto *fn = llvm::dyn_cast<clang::FunctionDecl>(decl);
    if (!fn || !fn->doesThisDeclarationHaveABody())
      continue;
    if (!sm.isInMainFile(sm.getExpansionLoc(fn->getLocation())))
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
    site.name = fn->getNameAsString();
    site.begin = sm.getExpansionLoc(fn->getBeginLoc());
    site.end = rbrace;
    site.bodyOffset = sm.getFileOffset(lbrace) + 1;
    site.entry = isEntryProgram(*fn);
    sites.push_back(site);
  }
  return sites;
}

} // namespace inxpect
