// The rewrite's edits: text inserted at file offsets, never a deletion, so
// the original code stays as it was between them.
#pragma once

#include <string>
#include <vector>

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace inxpect {

struct Insertion {
  unsigned offset;
  std::string text;
  int rank = 0; // at one offset, lower ranks go first (closers before openers)
};

// Applies the insertions; several at one offset go by rank, then in the
// order given.
llvm::Expected<std::string> applyInsertions(llvm::StringRef code,
                                            const std::vector<Insertion> &insertions);

} // namespace inxpect
