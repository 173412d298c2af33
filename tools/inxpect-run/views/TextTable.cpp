#include "views/TextTable.h"

#include <algorithm>
#include <cstdio>

namespace inxpect {

std::string fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::vector<std::string> textTableLines(const std::vector<std::vector<std::string>> &rows,
                                        const std::vector<bool> &alignRight) {
  std::vector<std::size_t> width(alignRight.size(), 0);
  for (const auto &row : rows)
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c)
      width[c] = std::max(width[c], row[c].size());
  std::vector<std::string> lines;
  for (const auto &row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) {
      std::string pad(width[c] - row[c].size(), ' ');
      line += (c ? "  " : "") + (alignRight[c] ? pad + row[c] : row[c] + pad);
    }
    line.erase(line.find_last_not_of(' ') + 1);
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string textTable(const std::vector<std::vector<std::string>> &rows,
                      const std::vector<bool> &alignRight) {
  std::string text;
  for (const std::string &line : textTableLines(rows, alignRight))
    text += line + "\n";
  return text;
}

} // namespace inxpect
