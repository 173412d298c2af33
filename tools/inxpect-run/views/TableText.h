// The live and replay table as text, apart from where it goes: the plain
// view prints it, the terminal screen (TerminalScreen) draws it line by line
// with a selection. One place builds the columns, so both show the same.
#pragma once

#include <string>
#include <vector>

#include "profile/Figures.h"

namespace inxpect {

struct TableColumns {
  bool perCpu = false; // a count a CPU beside the total
  bool raw = false;    // the readings as taken instead of the corrected costs
  // Every column the screen sorts on (each event's total and mean beside
  // the corrected costs), for the interactive table.
  bool sortable = false;
};

struct TableText {
  std::string header;            // the lines above the table, ending in a blank line
  std::string columns;           // the column headings
  std::vector<std::string> rows; // one a section, in the order of figures.sections
  std::string legend;            // what incl, self, p50 and p99 mean; "" when not shown
  std::string uncertainMark;     // what `?` means; "" when no figure has it
};

TableText tableText(const ProfileInfo &info, const ProfileFigures &figures,
                    const TableColumns &columns);

} // namespace inxpect
