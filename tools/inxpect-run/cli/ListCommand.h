// `inxpect-run list`: the instrumented programs loaded on this host, read
// from their embedded tables, as bpftool prog show lists programs.
#pragma once

#include <ostream>

#include "cli/Options.h"

namespace inxpect {

// Writes the listing to `out` (table or JSON); a line on `notes` when there
// is nothing to list. Throws RunError (not root, BPF unavailable).
void listPrograms(const ListOptions &options, std::ostream &out, std::ostream &notes);

} // namespace inxpect
