// Where the verifier spent its budget: the instructions it processed, read
// from its full log (log level 2, which prints every instruction it walks and
// the source line it came from), attributed to the sections of the manifest,
// and the --functions that leave the costliest ones out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Manifest.h"

namespace inxpect {

struct SectionCost {
  std::optional<unsigned> id; // none: code outside every section
  uint64_t insns = 0;         // processed instructions of its own lines and its probes
  uint64_t walks = 0;         // times the walk came into its lines from elsewhere
};

struct VerifierCost {
  uint64_t total = 0;              // instructions the log shows processed
  std::vector<SectionCost> ranked; // costliest first
};

// Each instruction line of the log ("N: (op) ...") is counted on the source
// line the log named last ("; text @ file:line"), and that line goes to the
// innermost section of `manifest` covering it (the file compared by its last
// path component). The runtime's instructions (inxpect.h: probes) between
// two sections' code in the walk are the END of the one before and the START
// of the one after, or one of them: they are shared between the two, so a
// section's figure holds (about) its probes too. A section is walked each
// time the walk comes into its lines from another section's (or resumes a
// pending branch there): its probes are walked as often.
VerifierCost attributeVerifierLog(const std::string &log, const Manifest &manifest);

// Without source ranges (no manifest file): the costliest source lines,
// "file:line" with their processed instructions, at most `count`.
std::vector<std::pair<std::string, uint64_t>> costliestLines(const std::string &log,
                                                             std::size_t count);

// The report: the costliest sections (at most `count`) with their share,
// and what to build instead: the sections walked most often, which hold half
// of the walks, left out (functions: of --functions; loops: no --per-loop;
// regions: their annotation removed), as a command for the manifest's
// source. Leaving a section out removes its probes, not its code, so the
// walks say what it saves; the entry program `entry` (walked once a path)
// stays in.
std::string describeVerifierCost(const VerifierCost &cost, const Manifest &manifest,
                                 const std::string &entry, std::size_t count);

} // namespace inxpect
