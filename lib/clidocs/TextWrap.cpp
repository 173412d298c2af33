#include "TextWrap.h"

#include <sstream>

namespace inxpect {

std::string wrapText(const std::string &text, std::size_t indent, bool firstIndented,
                     std::size_t width) {
  std::istringstream words(text);
  std::string out = firstIndented ? "" : std::string(indent, ' ');
  std::size_t column = indent;
  bool lineEmpty = true;
  for (std::string word; words >> word;) {
    if (!lineEmpty && column + 1 + word.size() > width) {
      out += "\n" + std::string(indent, ' ');
      column = indent;
      lineEmpty = true;
    }
    if (!lineEmpty) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    lineEmpty = false;
  }
  return out + "\n";
}

std::string joined(const std::vector<std::string> &items, const std::string &separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i ? separator : "") + items[i];
  return out;
}

} // namespace inxpect
