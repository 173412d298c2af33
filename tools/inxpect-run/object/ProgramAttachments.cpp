#include "object/ProgramAttachments.h"

#include <net/if.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "object/KernelObjects.h"

namespace inxpect {

namespace {

// Program id -> its XDP programs' interface and mode, one entry a mode:
// an interface may run one program natively and another generically.
std::map<uint32_t, std::vector<XdpAttachment>> xdpByInterface() {
  std::map<uint32_t, std::vector<XdpAttachment>> found;
  struct if_nameindex *interfaces = if_nameindex();
  if (!interfaces)
    return found;
  for (struct if_nameindex *i = interfaces; i->if_index; ++i) {
    bpf_xdp_query_opts opts{};
    opts.sz = sizeof opts;
    if (bpf_xdp_query(static_cast<int>(i->if_index), 0, &opts) != 0)
      continue;
    const std::pair<uint32_t, const char *> modes[] = {
        {opts.drv_prog_id, "native"}, {opts.skb_prog_id, "generic"}, {opts.hw_prog_id, "offload"}};
    for (const auto &[prog, mode] : modes)
      if (prog)
        found[prog].push_back({static_cast<int>(i->if_index), i->if_name, mode, 0});
  }
  if_freenameindex(interfaces);
  return found;
}

struct LinkOnInterface {
  uint32_t id, progId;
  int ifindex;
};

// The XDP links still on an interface (their ifindex is 0 once it is gone).
std::vector<LinkOnInterface> xdpLinks() {
  std::vector<LinkOnInterface> links;
  forEachLink([&](const bpf_link_info &info) {
    if (info.type == BPF_LINK_TYPE_XDP && info.xdp.ifindex != 0)
      links.push_back({info.id, info.prog_id, static_cast<int>(info.xdp.ifindex)});
  });
  return links;
}

// Program id -> the prog array slots that hold it. A lookup of a prog array
// from user space gives the id of the program in the slot.
std::map<uint32_t, std::vector<TailCallSlot>> tailCallSlots() {
  std::map<uint32_t, std::vector<TailCallSlot>> found;
  forEachMap([&](int fd, const bpf_map_info &info) {
    if (info.type != BPF_MAP_TYPE_PROG_ARRAY)
      return;
    for (uint32_t index = 0; index < info.max_entries; ++index) {
      uint32_t prog = 0;
      if (bpf_map_lookup_elem(fd, &index, &prog) == 0 && prog)
        found[prog].push_back({info.id, info.name, index});
    }
  });
  return found;
}

} // namespace

HostAttachments HostAttachments::scan() {
  HostAttachments host;
  host.xdp_ = xdpByInterface();
  for (const LinkOnInterface &link : xdpLinks()) {
    bool here = false;
    for (XdpAttachment &a : host.xdp_[link.progId])
      if (a.ifindex == link.ifindex && !a.linkId) {
        a.linkId = link.id;
        here = true;
        break;
      }
    // Its interface is in another network namespace: the index means
    // nothing here, and bpf_xdp_query cannot see its mode.
    if (!here)
      host.xdp_[link.progId].push_back({link.ifindex, "", nullptr, link.id});
  }
  for (const Extension &e : extensionLinks())
    host.extensions_[e.id] = e;
  host.tailCalls_ = tailCallSlots();
  return host;
}

Attachments HostAttachments::of(uint32_t progId) const {
  Attachments a;
  if (auto it = xdp_.find(progId); it != xdp_.end())
    a.xdp = it->second;
  if (auto it = extensions_.find(progId); it != extensions_.end()) {
    a.extensionOf = it->second;
    if (auto target = xdp_.find(it->second.targetId); target != xdp_.end())
      a.targetXdp = target->second;
  }
  if (auto it = tailCalls_.find(progId); it != tailCalls_.end())
    a.tailCalls = it->second;
  return a;
}

} // namespace inxpect
