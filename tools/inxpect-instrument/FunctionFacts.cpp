#include "FunctionFacts.h"

#include "clang/AST/Attr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"

namespace inxpect {

namespace {

bool isTailCallName(llvm::StringRef name) {
  return name == "bpf_tail_call" || name == "bpf_tail_call_static";
}

class FactsVisitor : public clang::RecursiveASTVisitor<FactsVisitor> {
public:
  FactsVisitor(FunctionFacts &facts, clang::ASTContext &ctx, const SourceTokens &tokens)
      : facts_(facts), ctx_(ctx), sm_(ctx.getSourceManager()), tokens_(tokens) {}

  bool VisitStmtExpr(clang::StmtExpr *e) {
    statementExpressions_.insert(e->getSubStmt()); // visited before its block
    return true;
  }
  bool VisitCompoundStmt(clang::CompoundStmt *block) {
    auto span = statementSpan(block, ctx_, tokens_);
    if (span)
      facts_.blocks.push_back({block, *span, statementExpressions_.count(block) > 0});
    for (clang::Stmt *child : block->body())
      addSlot(child, block);
    return true;
  }
  bool VisitIfStmt(clang::IfStmt *s) {
    addSlot(s->getThen(), nullptr);
    addSlot(s->getElse(), nullptr);
    return true;
  }
  bool VisitLabelStmt(clang::LabelStmt *s) { return addSlot(s->getSubStmt(), nullptr); }
  bool VisitSwitchCase(clang::SwitchCase *s) { return addSlot(s->getSubStmt(), nullptr); }
  bool VisitAttributedStmt(clang::AttributedStmt *s) {
    for (const clang::Attr *a : s->getAttrs())
      if (llvm::isa<clang::LoopHintAttr>(a))
        pragmas_[s->getSubStmt()] = s;
    return true;
  }
  bool VisitForStmt(clang::ForStmt *s) { return addLoop(s, "for"); }
  bool VisitWhileStmt(clang::WhileStmt *s) { return addLoop(s, "while"); }
  bool VisitDoStmt(clang::DoStmt *s) { return addLoop(s, "do"); }

  bool VisitGotoStmt(clang::GotoStmt *g) {
    auto span = statementSpan(g, ctx_, tokens_);
    const clang::LabelStmt *label = g->getLabel()->getStmt();
    if (span && label)
      facts_.gotos.push_back({span->begin, offset(label->getBeginLoc()), *span});
    return true;
  }
  bool VisitReturnStmt(clang::ReturnStmt *r) {
    ReturnFact fact{offset(r->getReturnLoc()), std::nullopt};
    if (r->getRetValue() && r->getReturnLoc().isFileID() &&
        sm_.getFileID(r->getReturnLoc()) == tokens_.file())
      fact.value = statementSpan(r->getRetValue(), ctx_, tokens_, /*withSemicolon=*/false);
    facts_.returns.push_back(fact);
    return true;
  }
  bool VisitSwitchStmt(clang::SwitchStmt *s) {
    for (const clang::SwitchCase *c = s->getSwitchCaseList(); c; c = c->getNextSwitchCase())
      facts_.cases.push_back({offset(c->getBeginLoc()), offset(s->getBeginLoc())});
    return true;
  }
  bool VisitCallExpr(clang::CallExpr *call) {
    const auto *callee = llvm::dyn_cast_or_null<clang::NamedDecl>(call->getCalleeDecl());
    if (!callee)
      return true;
    CallFact fact;
    fact.callee = llvm::dyn_cast<clang::FunctionDecl>(callee);
    fact.span = statementSpan(call, ctx_, tokens_, /*withSemicolon=*/false);
    fact.offset = offset(call->getBeginLoc());
    if (isTailCallName(callee->getName()))
      facts_.tailCalls.push_back(fact);
    else if (fact.callee && fact.callee->getDefinition())
      facts_.calls.push_back(fact);
    return true;
  }

  void finish() {
    for (LoopFact &loop : facts_.loops) {
      auto it = pragmas_.find(loop.loop);
      if (it != pragmas_.end())
        loop.pragmas = it->second;
    }
  }

private:
  unsigned offset(clang::SourceLocation loc) const {
    return sm_.getFileOffset(sm_.getExpansionLoc(loc));
  }
  bool addSlot(clang::Stmt *s, const clang::CompoundStmt *block) {
    if (!s)
      return true;
    if (auto span = statementSpan(s, ctx_, tokens_))
      facts_.slots.push_back({s, *span, block});
    return true;
  }
  bool addLoop(clang::Stmt *loop, const char *keyword) {
    LoopFact fact;
    fact.loop = loop;
    fact.keyword = keyword;
    fact.span = statementSpan(loop, ctx_, tokens_);
    fact.line = sm_.getExpansionLineNumber(loop->getBeginLoc());
    facts_.loops.push_back(fact);
    return true;
  }

  FunctionFacts &facts_;
  clang::ASTContext &ctx_;
  const clang::SourceManager &sm_;
  const SourceTokens &tokens_;
  llvm::DenseMap<const clang::Stmt *, const clang::AttributedStmt *> pragmas_;
  llvm::DenseSet<const clang::Stmt *> statementExpressions_;
};

} // namespace

namespace {

// Whether a statement ends with a `;` its source range leaves out.
bool endsWithSemicolon(const clang::Stmt *stmt) {
  if (!stmt || llvm::isa<clang::CompoundStmt>(stmt) || llvm::isa<clang::NullStmt>(stmt) ||
      llvm::isa<clang::DeclStmt>(stmt)) // the last two: their range has it
    return false;
  if (const auto *s = llvm::dyn_cast<clang::IfStmt>(stmt))
    return endsWithSemicolon(s->getElse() ? s->getElse() : s->getThen());
  if (const auto *s = llvm::dyn_cast<clang::ForStmt>(stmt))
    return endsWithSemicolon(s->getBody());
  if (const auto *s = llvm::dyn_cast<clang::WhileStmt>(stmt))
    return endsWithSemicolon(s->getBody());
  if (const auto *s = llvm::dyn_cast<clang::SwitchStmt>(stmt))
    return endsWithSemicolon(s->getBody());
  if (const auto *s = llvm::dyn_cast<clang::LabelStmt>(stmt))
    return endsWithSemicolon(s->getSubStmt());
  if (const auto *s = llvm::dyn_cast<clang::SwitchCase>(stmt))
    return endsWithSemicolon(s->getSubStmt());
  if (const auto *s = llvm::dyn_cast<clang::AttributedStmt>(stmt))
    return endsWithSemicolon(s->getSubStmt());
  return true; // an expression, return, do-while, goto, break, continue, asm
}

} // namespace

std::optional<OffsetSpan> statementSpan(const clang::Stmt *stmt, clang::ASTContext &ctx,
                                        const SourceTokens &tokens, bool withSemicolon) {
  const clang::SourceManager &sm = ctx.getSourceManager();
  clang::CharSourceRange range = clang::Lexer::makeFileCharRange(
      clang::CharSourceRange::getTokenRange(stmt->getSourceRange()), sm, ctx.getLangOpts());
  if (range.isInvalid() || sm.getFileID(range.getBegin()) != tokens.file())
    return std::nullopt;
  OffsetSpan span{sm.getFileOffset(range.getBegin()), sm.getFileOffset(range.getEnd())};
  // `x++;`, `do {} while (c);`, `for (..) f();` end with a semicolon the
  // AST leaves out; a block owns none, and an `if` or a loop the one of its
  // last statement. Asked of the AST, not of the last token: `p = (struct
  // pair){ 1, 2 };` ends in a `}` and still has its semicolon.
  if (withSemicolon && endsWithSemicolon(stmt)) {
    const RawToken *next = tokens.firstCodeTokenFrom(span.end);
    if (next && next->kind == clang::tok::semi && !next->inDirective)
      span.end = next->end;
  }
  return span;
}

const BlockFact *FunctionFacts::innermostBlock(unsigned offset) const {
  const BlockFact *best = nullptr;
  for (const BlockFact &b : blocks)
    if (b.span.begin < offset && offset < b.span.end && (!best || best->span.contains(b.span)))
      best = &b;
  return best;
}

FunctionFacts collectFunctionFacts(const clang::FunctionDecl &fn, bool entry,
                                   const RewrittenFile &file, clang::ASTContext &ctx) {
  const clang::SourceManager &sm = ctx.getSourceManager();
  const SourceTokens &tokens = *file.tokens;
  FunctionFacts facts;
  facts.decl = &fn;
  facts.file = &file;
  facts.name = fn.getNameAsString();
  facts.entry = entry;
  clang::QualType ret = fn.getReturnType().getUnqualifiedType();
  if (!ret->isVoidType()) {
    std::string name = ret.getAsString(ctx.getPrintingPolicy());
    if (name.find("(unnamed") == std::string::npos && name.find("(anonymous") == std::string::npos)
      facts.returnType = name;
    facts.returnsRecord = ret->isRecordType();
  }
  const auto *body = llvm::cast<clang::CompoundStmt>(fn.getBody());
  facts.body = {sm.getFileOffset(sm.getExpansionLoc(body->getLBracLoc())) + 1,
                sm.getFileOffset(sm.getExpansionLoc(body->getRBracLoc()))};
  FactsVisitor visitor(facts, ctx, tokens);
  visitor.TraverseStmt(const_cast<clang::CompoundStmt *>(body));
  visitor.finish();
  return facts;
}

} // namespace inxpect
