// Where and in what form a profile is written: the --output file, or the
// stream the command was given (stdout), as a table, JSON lines or CSV.
#pragma once

#include <fstream>
#include <optional>
#include <ostream>
#include <string>

namespace inxpect {

// How a profile is shown: the table, JSON lines or CSV (views/View.h).
enum class OutputFormat { Table, Json, Csv };

// Opens `path` (truncating it) into `file` and returns it, or returns
// `fallback` when there is no path. Throws RunError when it cannot be written.
std::ostream &openOutput(const std::optional<std::string> &path, std::ofstream &file,
                         std::ostream &fallback);

} // namespace inxpect
