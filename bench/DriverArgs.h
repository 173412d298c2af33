// What the benchmark drivers share of their command lines.
#pragma once

#include <sstream>
#include <string>
#include <vector>

namespace bench {

// "a,b,,c" -> {"a", "b", "c"}: a comma-separated option value.
inline std::vector<std::string> splitList(const std::string &list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty())
      out.push_back(item);
  return out;
}

// Whether `name` is one of a --restored/--pushed list's names.
inline bool listed(const std::vector<std::string> &list, const std::string &name) {
  for (const std::string &item : list)
    if (item == name)
      return true;
  return false;
}

} // namespace bench
