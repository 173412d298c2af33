#include "object/FullVerifierLog.h"

#include <cstring>
#include <sys/mman.h>

#include <bpf/libbpf.h>

namespace inxpect {

namespace {

// The kernel takes a log of at most UINT_MAX >> 2 bytes.
constexpr std::size_t kLogBytes = (std::size_t(1) << 30) - 1;

} // namespace

std::string fullVerifierLog(const std::string &path, const std::string &progName) {
  bpf_object *obj = bpf_object__open_file(path.c_str(), nullptr);
  if (!obj)
    return "";
  // Reserved, not committed: only the pages the kernel writes take memory.
  void *mem = ::mmap(nullptr, kLogBytes, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mem == MAP_FAILED) {
    bpf_object__close(obj);
    return "";
  }
  char *buf = static_cast<char *>(mem);
  bpf_program *prog;
  bpf_object__for_each_program(prog, obj) {
    bool chosen = progName == bpf_program__name(prog);
    bpf_program__set_autoload(prog, chosen);
    if (chosen) {
      bpf_program__set_log_level(prog, 2);
      bpf_program__set_log_buf(prog, buf, kLogBytes);
    }
  }
  libbpf_print_fn_t print = libbpf_set_print(nullptr); // the log is not for the terminal
  bpf_object__load(obj);
  libbpf_set_print(print);
  std::string log(buf, strnlen(buf, kLogBytes));
  ::munmap(mem, kLogBytes);
  bpf_object__close(obj);
  return log;
}

std::string failedProgram(const std::string &libbpfMessages) {
  // Found by hand: a regex over a log of megabytes is slow.
  std::size_t end = libbpfMessages.find("': BPF program load failed");
  std::size_t begin = end == std::string::npos ? end : libbpfMessages.rfind("prog '", end);
  return begin == std::string::npos ? "" : libbpfMessages.substr(begin + 6, end - begin - 6);
}

} // namespace inxpect
