#include "ProgramLicense.h"

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"

namespace inxpect {

bool isGplCompatible(const std::string &license) {
  for (const char *gpl : {"GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL",
                          "Dual MIT/GPL", "Dual MPL/GPL"})
    if (license == gpl)
      return true;
  return false;
}

ProgramLicense findProgramLicense(clang::ASTContext &ctx) {
  ProgramLicense found;
  for (clang::Decl *decl : ctx.getTranslationUnitDecl()->decls()) {
    auto *var = llvm::dyn_cast<clang::VarDecl>(decl);
    const clang::SectionAttr *section = var ? var->getAttr<clang::SectionAttr>() : nullptr;
    if (!section || section->getName() != "license")
      continue;
    found.where = ctx.getSourceManager().getExpansionLoc(var->getLocation());
    const clang::Expr *init = var->getInit();
    const auto *literal =
        init ? llvm::dyn_cast<clang::StringLiteral>(init->IgnoreParenImpCasts()) : nullptr;
    if (literal && literal->isOrdinary()) {
      // The kernel reads a C string: it ends at the first NUL.
      std::string text = literal->getString().str();
      found.text = text.substr(0, text.find('\0'));
      found.gplCompatible = isGplCompatible(*found.text);
    }
    return found;
  }
  return found;
}

} // namespace inxpect
