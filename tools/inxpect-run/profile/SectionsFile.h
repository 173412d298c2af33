// --sections-file: a file the user edits while a live profile streams, to
// switch sections on and off in the running program without reloading it.
// It lists the sections to profile, separated by commas, spaces or lines;
// `#` starts a comment. Empty or missing: every section.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace inxpect {

// The section names in a sections file's text (empty: every section).
std::vector<std::string> parseSectionsFile(const std::string &text);

class SectionsFile {
public:
  explicit SectionsFile(std::string path) : path_(std::move(path)) {}
  const std::string &path() const { return path_; }
  // The names, when the file's content differs from the last call (the
  // first call always answers).
  std::optional<std::vector<std::string>> changed();

private:
  std::string path_;
  std::optional<std::string> last_;
};

} // namespace inxpect
