#include "JumpTable.h"

#include <cerrno>
#include <cstring>
#include <string>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <gtest/gtest.h>

namespace e2e {

namespace {

constexpr const char kJumpTable[] = "jump_table";
constexpr const char kTailPrefix[] = "tail_";

} // namespace

void fillJumpTable(bpf_object *obj) {
  bpf_map *table = bpf_object__find_map_by_name(obj, kJumpTable);
  if (!table)
    return;
  unsigned filled = 0;
  bpf_program *prog;
  bpf_object__for_each_program(prog, obj) {
    std::string name = bpf_program__name(prog);
    if (name.rfind(kTailPrefix, 0) != 0)
      continue;
    uint32_t index = std::stoul(name.substr(sizeof(kTailPrefix) - 1));
    int fd = bpf_program__fd(prog);
    ASSERT_EQ(bpf_map_update_elem(bpf_map__fd(table), &index, &fd, BPF_ANY), 0)
        << "cannot put " << name << " into " << kJumpTable << "[" << index
        << "]: " << std::strerror(errno);
    ++filled;
  }
  ASSERT_GT(filled, 0u) << "the object has a " << kJumpTable << " but no tail_<i> programs";
}

} // namespace e2e
