// The tests of a writer read its text a line at a time.
#pragma once

#include <sstream>
#include <string>
#include <vector>

// `text` cut at its newlines, without them.
inline std::vector<std::string> lines(const std::string &text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    out.push_back(line);
  return out;
}
