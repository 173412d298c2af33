// Where the preamble (`#define`s inxpect.h tests, then `#include
// "inxpect.h"`) goes without moving any original line. Each directive goes
// at the start of a line that holds nothing but white space or comments
// that close on that line, so the line keeps its number and its comment;
// the header is self-contained, so any such line will do. A file without
// enough of them gets the directives as lines of their own, followed by
// `#line N "SOURCE"`, which gives the lines after them their numbers back
// and names the original source: clang's diagnostics, __LINE__ and the
// debug info read both, and BTF line info takes each line's text from the
// file so named, whose lines are where it says (the output's have moved).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "Insertions.h"
#include "SourceTokens.h"

namespace inxpect {

// [begin, end) file offsets of a top-level declaration: a line inside one
// (a blank line in a struct) is not at file scope.
using OffsetRange = std::pair<unsigned, unsigned>;

// Puts `directives`, in order, before `limit` (the first probe, or the
// program's own include of inxpect.h), outside any #if block and any
// declaration. `source` is the original's path, for #line.
std::vector<Insertion> placePreamble(const SourceTokens &tokens, unsigned limit,
                                     const std::vector<OffsetRange> &declarations,
                                     const std::vector<std::string> &directives,
                                     const std::string &source);

} // namespace inxpect
