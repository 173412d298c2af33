#include "object/KernelObjects.h"

#include <cerrno>
#include <cstring>
#include <string>

#include <unistd.h>

#include <bpf/bpf.h>

#include "RunError.h"

namespace inxpect {

std::vector<uint32_t> loadedProgramIds() {
  std::vector<uint32_t> ids;
  uint32_t id = 0;
  while (bpf_prog_get_next_id(id, &id) == 0)
    ids.push_back(id);
  if (errno == EPERM || errno == EACCES)
    throw RunError("cannot list the loaded BPF programs: permission denied: run as root "
                   "(listing programs needs CAP_SYS_ADMIN)");
  if (errno != ENOENT)
    throw RunError(std::string("cannot list the loaded BPF programs: ") + std::strerror(errno));
  return ids;
}

void forEachLink(const std::function<void(const bpf_link_info &)> &visit) {
  uint32_t id = 0;
  while (bpf_link_get_next_id(id, &id) == 0) {
    int fd = bpf_link_get_fd_by_id(id);
    if (fd < 0)
      continue;
    bpf_link_info info{};
    uint32_t len = sizeof info;
    int err = bpf_obj_get_info_by_fd(fd, &info, &len);
    ::close(fd);
    if (!err)
      visit(info);
  }
}

void forEachMap(const std::function<void(int fd, const bpf_map_info &)> &visit) {
  uint32_t id = 0;
  while (bpf_map_get_next_id(id, &id) == 0) {
    int fd = bpf_map_get_fd_by_id(id);
    if (fd < 0)
      continue;
    bpf_map_info info{};
    uint32_t len = sizeof info;
    if (bpf_obj_get_info_by_fd(fd, &info, &len) == 0)
      visit(fd, info);
    ::close(fd);
  }
}

} // namespace inxpect
