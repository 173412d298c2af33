// Returns that leave a section other than the function's own go to the end
// of that section first, through a variable that always has a value.
//
// Why: a `return` stores its value in the function's return slot and leaves
// through the section's cleanup; the section's other ways out (falling off
// its end, break, continue, a goto) reach the same cleanup block with the
// slot never written. After that block clang dispatches on the way out, so
// the slot is only read by the returns, but it is one SSA value joined from
// every way in, undefined on the ways that did not return. The register
// allocator may then copy it from a register nothing wrote on those ways,
// and the verifier refuses the copy ("R2 !read_ok": examples/nat.c's
// open_flow with --per-loop) although the value is never used there.
// The fix, as insertions only (every line keeps its number):
//
//   T inxpect_rv = 0;                        at the top of the function
//   return ({inxpect_rv = (E); goto inxpect_return_N; inxpect_rv;});
//   {<the section's scope>} if (0) inxpect_return_N: return inxpect_rv;}
//   ^ a block of its own, opened before the scope
//
// The value is computed where the return was (converted to the return type
// as `return` converts it), the cleanups run in the same order, innermost
// first, and the return happens after the outermost such section, where only
// returns leave through the cleanups still open (the function's own and
// ranges at the function's top level). `inxpect_rv` is defined on every way
// into the cleanup, like the locals LocalInitializers zeroes.
//
// Left as they are: void functions, returns whose `return` or value is part
// of a macro expansion (no text to insert into), functions whose return
// type has no name, and a range or manual trace inside a statement
// expression (its block cannot be wrapped without changing the value).
#pragma once

#include <vector>

#include "FunctionFacts.h"
#include "PlannedSection.h"

namespace inxpect {

struct DivertedSection {
  unsigned id;                    // the section (names its label)
  OffsetSpan block;               // its scope, as a block: the wrap, or the block a probe is declared in
  std::vector<OffsetSpan> values; // the values of the returns diverted to its end
};

// Sections of `fn` (`sections` in id order, ids set) that returns must be
// diverted out of, each with those returns; empty when none.
std::vector<DivertedSection> divertedReturns(const FunctionFacts &fn,
                                             const std::vector<PlannedSection> &sections);

} // namespace inxpect
