#include "LocalInitializers.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include "ProbeText.h"

namespace inxpect {

namespace {

class UninitialisedLocals : public clang::RecursiveASTVisitor<UninitialisedLocals> {
public:
  UninitialisedLocals(clang::ASTContext &ctx, const SourceTokens &file, std::vector<Insertion> &out)
      : ctx_(ctx), file_(file), out_(out) {}

  bool VisitVarDecl(clang::VarDecl *var) {
    if (!var->isLocalVarDecl() || var->isStaticLocal() || var->hasInit() ||
        llvm::isa<clang::ParmVarDecl>(var))
      return true;
    clang::QualType type = var->getType();
    bool record = type->isRecordType();
    if (!record && !type->isScalarType())
      return true; // arrays, incomplete types
    const clang::SourceManager &sm = ctx_.getSourceManager();
    clang::SourceLocation end = var->getEndLoc();
    if (end.isMacroID() || var->getBeginLoc().isMacroID() || sm.getFileID(end) != file_.file())
      return true;
    // Only right before the `;` or `,`: after attributes an initialiser
    // would not parse (`int x __attribute__((unused)) = 0` has them first).
    std::optional<clang::Token> next = clang::Lexer::findNextToken(end, sm, ctx_.getLangOpts());
    if (!next || !next->isOneOf(clang::tok::semi, clang::tok::comma))
      return true;
    out_.push_back({sm.getFileOffset(next->getLocation()), " = " + zeroValue(record)});
    return true;
  }

private:
  clang::ASTContext &ctx_;
  const SourceTokens &file_;
  std::vector<Insertion> &out_;
};

} // namespace

void zeroInitialisers(const std::vector<FunctionSite> &functions, clang::ASTContext &ctx,
                      InsertionsByFile &out) {
  for (const FunctionSite &f : functions) {
    UninitialisedLocals visitor(ctx, *f.file->tokens, out[f.file->index]);
    visitor.TraverseStmt(f.decl->getBody());
  }
}

} // namespace inxpect
