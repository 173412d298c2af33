// Walks over the kernel's BPF links and maps, each with what the kernel says
// of it; one that goes away during the walk is skipped.
#pragma once

#include <functional>

#include <linux/bpf.h>

namespace inxpect {

void forEachLink(const std::function<void(const bpf_link_info &)> &visit);
// `fd` is open during the call only.
void forEachMap(const std::function<void(int fd, const bpf_map_info &)> &visit);

} // namespace inxpect
