#include "object/LoadFailure.h"

#include <cerrno>
#include <cstring>
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

std::string explainVerifierLimit(const std::string &log, bool explaining) {
  std::smatch m;
  static const std::regex tooLarge(R"(BPF program is too large\. Processed ([0-9]+) insn)");
  static const std::regex stack(R"(combined stack size of ([0-9]+) calls is ([0-9]+)\. Too large)");
  static const std::regex jumps(R"(The sequence of ([0-9]+) jumps is too complex)");
  if (std::regex_search(log, m, tooLarge))
    return "the program is over the verifier's budget of 1000000 processed instructions" +
           lastSourceLine(log, m.position(0)) + ": " + kFewerSections +
           (explaining ? "" : "; --explain-verifier names the sections that cost the verifier most and the "
           "--functions that leave them out (it loads the program again with the verifier's "
           "full log, several times slower)");
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

bool isOverInstructionBudget(const std::string &log) {
  return log.find("BPF program is too large. Processed") != std::string::npos;
}

bool hasVerifierLog(const std::string &libbpfMessages) {
  return libbpfMessages.find("-- BEGIN PROG LOAD LOG --") != std::string::npos;
}

std::string explainLoadFailure(const std::string &path, int err, const std::string &libbpfMessages,
                               bool explaining) {
  if (hasVerifierLog(libbpfMessages)) {
    std::string limit = explainVerifierLimit(libbpfMessages, explaining);
    if (!limit.empty())
      return "the verifier rejected a program in " + path + ": " + limit +
             " (its log is above; the rewrite keeps your source's line numbers)";
    return "the verifier rejected a program in " + path +
           " (its log is above; the last lines say which instruction and why): fix the source "
           "at that line, or report it if the instruction is an inxpect probe";
  }
  if (err == -EPERM || err == -EACCES)
    return "cannot load " + path +
           ": permission denied: run as root (BPF needs CAP_BPF and CAP_PERFMON)";
  if (err == -ENOSYS)
    return "cannot load " + path + ": this kernel has no bpf() system call, or a sandbox "
           "blocks it (ENOSYS): use a kernel built with CONFIG_BPF_SYSCALL=y, outside "
           "containers that filter bpf()";
  return "cannot load " + path + ": " + std::strerror(-err) +
         " (libbpf's messages above say which part failed)";
}

} // namespace inxpect
