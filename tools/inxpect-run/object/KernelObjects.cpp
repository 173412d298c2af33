#include "object/KernelObjects.h"

#include <unistd.h>

#include <bpf/bpf.h>

namespace inxpect {

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
