// Walks over the kernel's BPF programs, links and maps, each with what the
// kernel says of it; one that goes away during the walk is skipped.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include <linux/bpf.h>

namespace inxpect {

// The ids of the loaded programs, in order. Throws RunError when the kernel
// will not list them (not root: CAP_SYS_ADMIN).
std::vector<uint32_t> loadedProgramIds();

void forEachLink(const std::function<void(const bpf_link_info &)> &visit);
// `fd` is open during the call only.
void forEachMap(const std::function<void(int fd, const bpf_map_info &)> &visit);

} // namespace inxpect
