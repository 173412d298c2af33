#include "profile/SectionsFile.h"

#include <fstream>
#include <sstream>

namespace inxpect {

std::vector<std::string> parseSectionsFile(const std::string &text) {
  std::vector<std::string> names;
  std::string name;
  bool comment = false;
  for (char c : text + "\n") {
    if (c == '\n')
      comment = false;
    bool separator = comment || c == '#' || c == ',' || c == ' ' || c == '\t' || c == '\n' ||
                     c == '\r';
    if (c == '#')
      comment = true;
    if (!separator) {
      name += c;
    } else if (!name.empty()) {
      names.push_back(name);
      name.clear();
    }
  }
  return names;
}

std::optional<std::vector<std::string>> SectionsFile::changed() {
  // Read whole each time: a few bytes, and no editor's way of saving
  // (rename, truncate and write) can fool a comparison of contents.
  std::ifstream in(path_);
  std::ostringstream text;
  if (in)
    text << in.rdbuf();
  if (last_ && *last_ == text.str())
    return std::nullopt;
  last_ = text.str();
  return parseSectionsFile(*last_);
}

} // namespace inxpect
