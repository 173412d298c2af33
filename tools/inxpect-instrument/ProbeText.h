// The text the rewrite inserts: the probes that open and end sections, the
// runtime include, and the per-object table after the last original line.
// None of it adds a newline before an original line, so every original line
// keeps its number (the include, where no line is free for it, is followed
// by a #line that says so). Where each piece goes is SectionPlan.h's to decide.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "Manifest.h"

namespace inxpect {

// A section's id as its probes spell it: the number in the source; in a
// header, a name the source's preamble gives the number (headerIdEnum), so
// one rewrite of a header serves every source that includes it.
std::string sourceProbeId(unsigned id);            // "3"
std::string headerProbeId(const std::string &name); // "inxpect_id_lib_parse_h_parse_eth"
// `enum { inxpect_id_... = 3, ... };`, one line, for the preamble.
std::string headerIdEnum(const std::vector<std::pair<std::string, unsigned>> &ids);

struct ProbeSite {
  std::string id;         // as spelled above
  bool entry = false;     // the first probe of an entry program: starts a run
};

std::string openingProbe(const ProbeSite &site);
// The first statement of an entry program that is no section: starts runs.
std::string runStart();
// The first statement of a function holding sections but being none.
std::string contextStart();
std::string scopeOpen(const std::string &id);  // "{INXPECT_SCOPE(id); "
std::string rangeOpen(const std::string &id);  // "INXPECT_BEGIN(id); "
std::string rangeClose(const std::string &id); // " INXPECT_END(id);"
// INXPECT_END of each id, innermost first, as the start of a comma
// expression in front of a call (closed by ")"), or as a block around a goto.
std::string endsBeforeCall(const std::vector<std::string> &ids);
std::string endsBeforeGoto(const std::vector<std::string> &ids);
// A return diverted past the end of section `id` (SectionReturns.h): the
// variable at the function's top, the text around the return's value, and
// the block around the section's scope that ends with the real return.
std::string returnValueDeclaration(const std::string &type, bool record);
// The zero a variable is given (inxpect_rv, locals without a value): "{0}"
// for a struct or union, "0" for anything else.
std::string zeroValue(bool record);
std::string divertedValueOpen();                 // "({inxpect_rv = ("
std::string divertedValueClose(const std::string &id);    // "); goto inxpect_return_<id>; inxpect_rv;})"
std::string divertedBlockOpen();                 // "{"
std::string divertedBlockClose(const std::string &id);    // " if (0) inxpect_return_<id>: return inxpect_rv;}"
// What inxpect.h is told before it is included, each a `#define` it tests.
struct HeaderSwitches {
  bool clockOnly = false;          // INXPECT_CLOCK_ONLY: the probes call no kfunc
  bool programTraceMacros = false; // INXPECT_NO_TRACE_MACROS: START_TRACE is the program's own
};
// The directives before the first probe (IncludePlacement.h places them):
// the switches' #defines, then #include "inxpect.h".
std::vector<std::string> preamble(const HeaderSwitches &switches);
// INXPECT_OBJECT(...) after the last line: sizes, hash, embedded table.
std::string objectTail(const Manifest &manifest, bool codeEndsWithNewline);
// A C string literal holding `text` exactly.
std::string cStringLiteral(const std::string &text);

} // namespace inxpect
