#include "object/VerifierLimits.h"

#include <regex>

namespace inxpect {

namespace {

// The source line the verifier was at last: its log prints "; code @ file:line".
std::string lastSourceLine(const std::string &log, std::size_t before) {
  static const std::regex where(R"(@ ([^ \n]+:[0-9]+)\n)");
  std::string seen;
  std::string head = log.substr(0, before);
  for (auto it = std::sregex_iterator(head.begin(), head.end(), where);
       it != std::sregex_iterator(); ++it)
    seen = (*it)[1];
  return seen.empty() ? "" : " (last at " + seen + ")";
}

constexpr const char *kFewerSections =
    "if the original object loads, instrument fewer sections: --functions to leave tiny helpers out, no --per-loop on "
    "unrolled code, or fewer annotated regions";

} // namespace

std::string explainVerifierLimit(const std::string &log) {
  std::smatch m;
  static const std::regex tooLarge(R"(BPF program is too large\. Processed ([0-9]+) insn)");
  static const std::regex stack(R"(combined stack size of ([0-9]+) calls is ([0-9]+)\. Too large)");
  static const std::regex jumps(R"(The sequence of ([0-9]+) jumps is too complex)");
  if (std::regex_search(log, m, tooLarge))
    return "the program is over the verifier's budget of 1000000 processed instructions" +
           lastSourceLine(log, m.position(0)) + ": " + kFewerSections;
  if (std::regex_search(log, m, stack))
    return "the program's stack, " + m[2].str() + " bytes over " + m[1].str() +
           " nested calls, is over the verifier's 512-byte limit" +
           lastSourceLine(log, m.position(0)) + "; each open section keeps 24 bytes: " +
           kFewerSections;
  if (std::regex_search(log, m, jumps))
    return "the verifier gave up on " + m[1].str() + " pending branches" +
           lastSourceLine(log, m.position(0)) + ": " + kFewerSections;
  return "";
}

} // namespace inxpect
