// inxpect-verifier-cost OBJ...: loads each BPF object and prints, per
// program, what the verifier did (verified_insns, which bpftool 7.1 does not
// show, and the stack depth it computed) and the size it left (xlated and
// jited). Used to measure what probes add: run it on the original object and
// on the instrumented one.
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

namespace {

// The verifier's statistics log (log level 4) ends with "stack depth A+B+...":
// one figure per subprogram.
std::string stackDepth(const char *log) {
  const char *at = std::strstr(log, "stack depth ");
  if (!at)
    return "?";
  at += std::strlen("stack depth ");
  return std::string(at, std::strcspn(at, "\n"));
}

// The verifier's reason for a rejection: in a full log (level 1), the line
// before "processed N insns" (e.g. "R5 !read_ok").
std::string rejectionReason(const char *log) {
  std::string text(log);
  std::size_t end = text.find("\nprocessed ");
  if (end == std::string::npos)
    end = text.size();
  while (end > 0 && text[end - 1] == '\n')
    --end;
  std::size_t newline = end ? text.rfind('\n', end - 1) : std::string::npos;
  std::size_t begin = newline == std::string::npos ? 0 : newline + 1;
  return text.substr(begin, end - begin);
}

// Loads `path` again with a full verifier log and prints why each program
// the verifier refused was refused.
void explainFailure(const char *path) {
  bpf_object *obj = bpf_object__open_file(path, nullptr);
  if (!obj)
    return;
  std::map<bpf_program *, std::vector<char>> logs;
  bpf_program *prog;
  bpf_object__for_each_program(prog, obj) {
    std::vector<char> &log = logs[prog];
    log.assign(64 * 1024 * 1024, '\0');
    bpf_program__set_log_level(prog, 1);
    bpf_program__set_log_buf(prog, log.data(), log.size());
  }
  libbpf_print_fn_t print = libbpf_set_print(nullptr); // the full log would flood the terminal
  int failed = bpf_object__load(obj);
  libbpf_set_print(print);
  if (failed)
    bpf_object__for_each_program(prog, obj) if (bpf_program__fd(prog) < 0 && logs[prog][0])
      std::fprintf(stderr, "inxpect-verifier-cost: %s: program %s rejected: %s\n", path,
                   bpf_program__name(prog), rejectionReason(logs[prog].data()).c_str());
  bpf_object__close(obj);
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: inxpect-verifier-cost OBJ... (as root)\n");
    return 2;
  }
  int failures = 0;
  std::printf("%-40s %-20s %8s %8s %14s  %s\n", "object", "program", "xlated", "jited",
              "verified_insns", "stack depth");
  for (int i = 1; i < argc; ++i) {
    bpf_object *obj = bpf_object__open_file(argv[i], nullptr);
    std::map<bpf_program *, std::vector<char>> logs;
    bpf_program *prog;
    if (obj)
      bpf_object__for_each_program(prog, obj) {
        std::vector<char> &log = logs[prog];
        // Statistics only, but the kernel also says "Func#N is global and
        // assumed valid" at every call of a global function (each probe's
        // measured path): 64 KiB overflowed on a few thousand, and a log cut
        // short fails the load (ENOSPC) even when the program verified.
        log.assign(16 * 1024 * 1024, '\0');
        bpf_program__set_log_level(prog, 4);
        bpf_program__set_log_buf(prog, log.data(), log.size());
      }
    if (!obj || bpf_object__load(obj)) {
      std::fprintf(stderr, "inxpect-verifier-cost: error: cannot load %s\n", argv[i]);
      bpf_object__close(obj);
      explainFailure(argv[i]);
      ++failures;
      continue;
    }
    bpf_object__for_each_program(prog, obj) {
      bpf_prog_info info{};
      __u32 len = sizeof info;
      if (bpf_obj_get_info_by_fd(bpf_program__fd(prog), &info, &len))
        continue;
      std::printf("%-40s %-20s %8u %8u %14u  %s\n", argv[i], bpf_program__name(prog),
                  info.xlated_prog_len / 8, info.jited_prog_len, info.verified_insns,
                  stackDepth(logs[prog].data()).c_str());
    }
    bpf_object__close(obj);
  }
  return failures ? 1 : 0;
}
