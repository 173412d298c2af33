// One pass over a function's body, recording what section placement needs:
// where statements are (for annotations), loops, jumps (gotos, case labels)
// and calls (bpf_tail_call, and calls to functions with a body). All
// positions are file offsets in the function's own file (the source or a
// rewritten header).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"

#include "SourceFiles.h"

namespace inxpect {

struct OffsetSpan {
  unsigned begin = 0, end = 0; // [begin, end)
  bool contains(unsigned offset) const { return begin <= offset && offset < end; }
  bool contains(const OffsetSpan &o) const { return begin <= o.begin && o.end <= end; }
};

// A statement where a statement may stand: a child of a block, the body of
// an if, loop, label or case. `block` is set for direct children of a block.
struct StatementSlot {
  const clang::Stmt *stmt;
  OffsetSpan span; // with its trailing semicolon
  const clang::CompoundStmt *block = nullptr;
};

struct BlockFact {
  const clang::CompoundStmt *block;
  OffsetSpan span; // from `{` to after `}`
  bool statementExpression = false; // the body of `({ ... })`: its value is its last statement
};

struct LoopFact {
  const clang::Stmt *loop = nullptr; // ForStmt, WhileStmt or DoStmt
  const char *keyword = "";          // "for", "while", "do"
  const clang::AttributedStmt *pragmas = nullptr; // #pragma unroll and the like
  std::optional<OffsetSpan> span; // the loop (pragmas excluded); none: not in plain text
  unsigned line = 0;
};

struct GotoFact {
  unsigned from;  // the goto
  unsigned to;    // the label it jumps to
  OffsetSpan stmt; // the goto statement, with its semicolon
};

struct ReturnFact {
  unsigned offset;                 // the `return` (expansion)
  std::optional<OffsetSpan> value; // its value; none: `return;`, or the return or its value
                                   // is not plain text of the function's file (a macro's)
};

struct CaseFact {
  unsigned label;        // the case or default label
  unsigned switchBegin;  // the switch statement it belongs to
};

struct CallFact {
  const clang::FunctionDecl *callee = nullptr; // null for bpf_tail_call through the helper pointer
  std::optional<OffsetSpan> span;               // the call expression; none: inside a macro
  unsigned offset = 0;                          // where it is (expansion), for nesting
};

struct FunctionFacts {
  const clang::FunctionDecl *decl;
  const RewrittenFile *file = nullptr; // where it is defined
  std::string name;
  bool entry = false; // a program (SEC): its first probe starts runs
  // The return type as a type name, unqualified (empty: void, or a type that
  // has no name to write, an anonymous struct), and whether it is a struct or
  // union (its zero is `{0}`).
  std::string returnType;
  bool returnsRecord = false;
  OffsetSpan body; // from just after `{` to `}`
  std::vector<StatementSlot> slots;
  std::vector<BlockFact> blocks;
  std::vector<LoopFact> loops;
  std::vector<GotoFact> gotos;
  std::vector<CaseFact> cases;
  std::vector<ReturnFact> returns;
  std::vector<CallFact> tailCalls; // bpf_tail_call, bpf_tail_call_static
  std::vector<CallFact> calls;     // calls to functions with a body

  // The smallest block around `offset`, if any.
  const BlockFact *innermostBlock(unsigned offset) const;
};

// The file span of a statement, with the semicolon that ends it when it has
// one (unless `withSemicolon` is false, for an expression); none when it does
// not map to plain text of `tokens`' file (part of a macro expansion).
std::optional<OffsetSpan> statementSpan(const clang::Stmt *stmt, clang::ASTContext &ctx,
                                        const SourceTokens &tokens, bool withSemicolon = true);

FunctionFacts collectFunctionFacts(const clang::FunctionDecl &fn, bool entry,
                                   const RewrittenFile &file, clang::ASTContext &ctx);

} // namespace inxpect
