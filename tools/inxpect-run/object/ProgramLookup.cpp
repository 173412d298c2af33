#include "object/ProgramLookup.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>
#include <vector>

#include <bpf/bpf.h>

#include "RunError.h"

namespace inxpect {

namespace {

const char kListHint[] = "bpftool prog list (or ip link show) shows the loaded programs";

[[noreturn]] void failNoPermission(const std::string &what) {
  throw RunError("cannot open " + what + ": permission denied: run as root (reading another "
                 "loader's program needs CAP_SYS_ADMIN)");
}

// The kernel keeps BPF_OBJ_NAME_LEN - 1 characters of a program's name.
constexpr std::size_t kKernelNameLength = 15;

} // namespace

int programFdById(uint32_t id) {
  int fd = bpf_prog_get_fd_by_id(id);
  if (fd >= 0)
    return fd;
  if (errno == EPERM || errno == EACCES)
    failNoPermission("program id " + std::to_string(id));
  throw RunError("no BPF program has id " + std::to_string(id) + " (" + std::strerror(errno) +
                 "): " + kListHint);
}

int programFdByName(const std::string &name) {
  std::string wanted = name.substr(0, kKernelNameLength);
  std::vector<uint32_t> matches;
  uint32_t id = 0;
  while (bpf_prog_get_next_id(id, &id) == 0) {
    int fd = bpf_prog_get_fd_by_id(id);
    if (fd < 0)
      continue;
    bpf_prog_info info{};
    uint32_t len = sizeof info;
    if (bpf_obj_get_info_by_fd(fd, &info, &len) == 0 && wanted == info.name)
      matches.push_back(id);
    ::close(fd);
  }
  if (errno == EPERM)
    failNoPermission("the list of BPF programs");
  if (matches.empty())
    throw RunError("no loaded BPF program is named \"" + name + "\": " + kListHint);
  if (matches.size() > 1) {
    std::string ids;
    for (uint32_t m : matches)
      ids += (ids.empty() ? "" : ", ") + std::to_string(m);
    throw RunError(std::to_string(matches.size()) + " loaded programs are named \"" + wanted +
                   "\" (ids " + ids + "): choose one with --prog-id ID");
  }
  return programFdById(matches[0]);
}

int programFdByPin(const std::string &path) {
  int fd = bpf_obj_get(path.c_str());
  if (fd < 0) {
    if (errno == EPERM || errno == EACCES)
      failNoPermission(path);
    throw RunError("nothing is pinned at " + path + " (" + std::strerror(errno) +
                   "): give a path under the BPF filesystem, e.g. /sys/fs/bpf/NAME "
                   "(bpftool prog show pinned PATH checks it)");
  }
  bpf_prog_info info{};
  uint32_t len = sizeof info;
  if (bpf_obj_get_info_by_fd(fd, &info, &len) != 0) {
    ::close(fd);
    throw RunError(path + " is pinned, but it is not a BPF program (a map or a link?): give the "
                   "pin of the program itself");
  }
  return fd;
}

} // namespace inxpect
