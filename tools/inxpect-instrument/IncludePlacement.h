// Where `#include "inxpect.h"` goes without moving any original line: the
// include is put at the start of a line that holds nothing but white space
// or comments that close on that line, so the line keeps its number and its
// comment. The header is self-contained, so any such line will do.
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "SourceTokens.h"

namespace inxpect {

// [begin, end) file offsets of a top-level declaration: a line inside one
// (a blank line in a struct) is not at file scope.
using OffsetRange = std::pair<unsigned, unsigned>;

// The offset of the first free line that starts before `limit` (the first
// probe), outside any #if block and any declaration; nullopt if there is none.
std::optional<unsigned> findIncludeOffset(const SourceTokens &tokens, unsigned limit,
                                          const std::vector<OffsetRange> &declarations);

} // namespace inxpect
