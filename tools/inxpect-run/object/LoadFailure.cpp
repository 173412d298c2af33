#include "object/LoadFailure.h"

#include <cerrno>
#include <cstring>

#include "object/VerifierLimits.h"

namespace inxpect {

bool hasVerifierLog(const std::string &libbpfMessages) {
  return libbpfMessages.find("-- BEGIN PROG LOAD LOG --") != std::string::npos;
}

std::string explainLoadFailure(const std::string &path, int err, const std::string &libbpfMessages) {
  if (hasVerifierLog(libbpfMessages)) {
    std::string limit = explainVerifierLimit(libbpfMessages);
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
