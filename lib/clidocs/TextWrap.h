// Plain-text paragraphs for a terminal (the --help of both tools), and lists.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace inxpect {

// `text` wrapped to `width` columns, every line indented by `indent` spaces,
// the first line's indent already written by the caller when `firstIndented`.
std::string wrapText(const std::string &text, std::size_t indent, bool firstIndented,
                     std::size_t width = 79);

// The items with `separator` between them: "a, b, c" or "a b c".
std::string joined(const std::vector<std::string> &items, const std::string &separator);

} // namespace inxpect
