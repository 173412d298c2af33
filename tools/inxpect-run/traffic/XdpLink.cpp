#include "traffic/XdpLink.h"

#include <cerrno>
#include <cstring>
#include <net/if.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <linux/if_link.h>

#include "RunError.h"

namespace inxpect {

XdpLink::XdpLink(int progFd, const std::string &device, XdpMode mode) {
  ifindex_ = static_cast<int>(if_nametoindex(device.c_str()));
  if (ifindex_ == 0)
    throw RunError("interface " + device + " not found: ip -br link lists the interfaces "
                   "(in this network namespace)");
  bpf_link_create_opts opts{};
  opts.sz = sizeof opts;
  opts.flags = mode == XdpMode::Generic ? XDP_FLAGS_SKB_MODE : XDP_FLAGS_DRV_MODE;
  linkFd_ = bpf_link_create(progFd, ifindex_, BPF_XDP, &opts);
  if (linkFd_ >= 0)
    return;
  int err = errno;
  const char *modeName = mode == XdpMode::Generic ? "generic" : "native";
  if (err == EBUSY || err == EEXIST)
    throw RunError(device + " already has an XDP program: see it with ip link show dev " + device +
                   "; profile it with inxpect-run attach --prog-id ID, or detach it first "
                   "(ip link set dev " + device + " xdp off)");
  if (err == EPERM || err == EACCES)
    throw RunError("cannot attach to " + device + ": permission denied: run as root "
                   "(attaching XDP needs CAP_NET_ADMIN)");
  if (err == EOPNOTSUPP || err == EINVAL)
    throw RunError("cannot attach in " + std::string(modeName) + " mode to " + device + " (" +
                   std::strerror(err) + ")" +
                   (mode == XdpMode::Native ? ": its driver may lack native XDP, try --xdp-mode generic"
                                            : ": the kernel refused the program for this interface"));
  throw RunError("cannot attach to " + device + ": " + std::strerror(err));
}

bool XdpLink::stillAttached() const {
  bpf_link_info info{};
  uint32_t size = sizeof info;
  if (bpf_obj_get_info_by_fd(linkFd_, &info, &size) != 0)
    return true; // cannot tell: the profile goes on
  return info.xdp.ifindex != 0;
}

XdpLink::~XdpLink() {
  if (linkFd_ >= 0)
    ::close(linkFd_);
}

} // namespace inxpect
