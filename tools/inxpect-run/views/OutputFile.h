// Where and in what form a profile is written: the --output file, or the
// stream the command was given (stdout), as a table, JSON lines, CSV or
// folded stacks.
#pragma once

#include <fstream>
#include <optional>
#include <ostream>
#include <string>

namespace inxpect {

// How a profile is shown: the table, JSON lines, CSV or folded stacks
// (views/View.h).
enum class OutputFormat { Table, Json, Csv, Folded };

// The --output file, written whole or not at all: into an unnamed file in
// its directory (a named one beside it where the file system has none),
// renamed over it by commit(). A replay commits once its report
// is written; a live profile at its first report, so that the file can be
// followed while it grows. A command that fails before leaves no file, and
// an earlier one untouched. Without a path, the fallback stream.
class OutputFile {
public:
  // Throws RunError when the file cannot be written.
  OutputFile(const std::optional<std::string> &path, std::ostream &fallback);
  ~OutputFile(); // drops the temporary file if never committed
  OutputFile(const OutputFile &) = delete;
  OutputFile &operator=(const OutputFile &) = delete;

  std::ostream &stream() { return path_ ? file_ : fallback_; }
  // Flushes and, the first time, puts the file in its place. Throws RunError.
  void commit();

private:
  void nameTemporary(); // gives the unnamed file a name beside the report

  std::optional<std::string> path_;
  int unnamed_ = -1;      // O_TMPFILE, until commit() names it
  std::string temporary_; // its name
  std::ofstream file_;
  std::ostream &fallback_;
  bool committed_ = false;
};

} // namespace inxpect
