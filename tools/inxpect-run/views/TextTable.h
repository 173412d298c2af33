// Plain-text tables for the terminal: the profile table and compare's.
#pragma once

#include <string>
#include <vector>

namespace inxpect {

// `v` with `digits` decimals.
std::string fixed(double v, int digits);

// Columns padded to their widest cell; text left-aligned, numbers
// right-aligned (`alignRight`, a column each); trailing blanks dropped.
// One line a row, without its newline.
std::vector<std::string> textTableLines(const std::vector<std::vector<std::string>> &rows,
                                        const std::vector<bool> &alignRight);

// The same lines, each ending in a newline.
std::string textTable(const std::vector<std::vector<std::string>> &rows,
                      const std::vector<bool> &alignRight);

} // namespace inxpect
