// Finds the functions of the rewritten files, the entry programs among them,
// whose first probe starts a run, and the `function` sections
// (--per-function): a probe right after the body's opening brace.
#pragma once

#include <string>
#include <vector>

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/StringRef.h"

#include "Diagnostics.h"
#include "PlannedSection.h"

namespace inxpect {

struct FunctionSite {
  const clang::FunctionDecl *decl = nullptr;
  const RewrittenFile *file = nullptr;
  std::string name;
  clang::SourceLocation begin;     // start of the definition, in its file
  clang::SourceLocation end;       // the closing brace
  unsigned bodyOffset = 0;         // file offset just after the opening brace
  bool entry = false;              // a program: has a SEC() section attribute
};

// Every function defined in a rewritten file whose body can be
// instrumented, in translation-unit order. A definition that comes out of a
// macro expansion is skipped with a remark, since a probe inserted there
// would land in the macro.
std::vector<FunctionSite> findFunctionSites(clang::ASTContext &ctx, const SourceFiles &files,
                                            Reporter &report);

// A section for each site whose whole name `filter` (--functions, a regex)
// matches, or for each site when it is empty; named after the function, in a
// header after its file too ("lib/parse.h:parse_eth"). `functions` holds the facts of
// `sites`, one for one.
std::vector<PlannedSection> findFunctionSections(const std::vector<FunctionSite> &sites,
                                                 const std::vector<FunctionFacts> &functions,
                                                 llvm::StringRef filter,
                                                 const clang::SourceManager &sm);

} // namespace inxpect
