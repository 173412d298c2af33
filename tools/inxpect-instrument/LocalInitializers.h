// Gives every uninitialised local of the rewritten files' functions a zero
// initialiser (` = 0`, or ` = {0}` for a struct or union).
//
// Why: a probe's end is a cleanup, and clang emits one cleanup block for
// every way out of a section, so paths that were apart in the original meet
// there, around calls (the counter read, the map lookup). A local that is
// defined on one of those paths only is then live, undefined, on the other,
// and may be spilled around the call: the verifier rejects the program
// ("R5 !read_ok") although the original never reads the value. Zero makes
// it defined on every path; the original never reads it before assigning
// it, so behaviour is unchanged, and the optimiser drops the stores that
// nothing reads. (The same as -ftrivial-auto-var-init=zero, without asking
// every user for the flag.)
#pragma once

#include <vector>

#include "clang/AST/ASTContext.h"

#include "FunctionSections.h"
#include "Insertions.h"

namespace inxpect {

// Arrays are left alone (zeroing them costs a store a word, and they live in
// memory, where the verifier accepts a spill of any value), and so is a
// declaration written inside a macro, where text cannot be inserted, or
// one whose attributes follow its name.
void zeroInitialisers(const std::vector<FunctionSite> &functions, clang::ASTContext &ctx,
                      InsertionsByFile &out);

} // namespace inxpect
