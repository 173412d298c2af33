// Plain-text tables for the terminal: the profile table and compare's.
#pragma once

#include <string>
#include <vector>

namespace inxpect {

// `v` with `digits` decimals.
std::string fixed(double v, int digits);

// Columns padded to their widest cell; text left-aligned, numbers
// right-aligned (`alignRight`, a column each); trailing blanks dropped.
std::string textTable(const std::vector<std::vector<std::string>> &rows,
                      const std::vector<bool> &alignRight);

} // namespace inxpect
