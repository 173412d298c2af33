// An XDP program attached to an interface through a bpf_link. The link lives
// as long as this process holds its fd: when the process exits, however it
// dies (even SIGKILL), the kernel closes the fd and detaches the program.
#pragma once

#include <string>

namespace inxpect {

// native: in the driver (fastest, needs its support); generic: in the
// kernel's network stack, on every interface.
enum class XdpMode { Native, Generic };

class XdpLink {
public:
  // Throws RunError saying what to do: interface not found, another XDP
  // program already there, native XDP unsupported by the driver, not root.
  XdpLink(int progFd, const std::string &device, XdpMode mode);
  ~XdpLink();
  XdpLink(const XdpLink &) = delete;
  XdpLink &operator=(const XdpLink &) = delete;

  int ifindex() const { return ifindex_; }
  // False once the kernel has detached the link: its interface was
  // deleted (or moved to another network namespace).
  bool stillAttached() const;

private:
  int linkFd_ = -1;
  int ifindex_ = 0;
};

} // namespace inxpect
