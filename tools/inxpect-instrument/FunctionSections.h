// Finds the functions of the main file that become `function` sections
// (--per-function) and the entry programs, whose first probe starts a run.
#pragma once

#include <string>
#include <vector>

#include "clang/AST/ASTContext.h"

#include "Diagnostics.h"

namespace inxpect {

struct FunctionSite {
  const clang::FunctionDecl *decl = nullptr;
  std::string name;
  clang::SourceLocation begin;     // start of the definition, in the main file
  clang::SourceLocation end;       // the closing brace
  unsigned bodyOffset = 0;         // file offset just after the opening brace
  bool entry = false;              // a program: has a SEC() section attribute
};

// Every function defined in the main file whose body can be instrumented, in
// source order. A definition that comes out of a macro expansion is skipped
// with a remark, since a probe inserted there would land in the macro.
std::vector<FunctionSite> findFunctionSites(clang::ASTContext &ctx, Reporter &report);

} // namespace inxpect
