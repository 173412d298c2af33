// Where a profile is written: the --output file, or the stream the command
// was given (stdout).
#pragma once

#include <fstream>
#include <optional>
#include <ostream>
#include <string>

namespace inxpect {

// Opens `path` (truncating it) into `file` and returns it, or returns
// `fallback` when there is no path. Throws RunError when it cannot be written.
std::ostream &openOutput(const std::optional<std::string> &path, std::ofstream &file,
                         std::ostream &fallback);

} // namespace inxpect
