// Where the programs on this host are attached: XDP on an interface (through
// a bpf_link or by netlink), an extension (freplace) of another program, as
// behind libxdp's dispatcher, or a slot of a tail-call map. What
// `inxpect-run list` shows beside each program.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "object/ProgramExtensions.h"

namespace inxpect {

// An XDP program on an interface.
struct XdpAttachment {
  int ifindex = 0;
  // Empty when no interface of this network namespace has that index and
  // that program (a link made in another namespace).
  std::string interface;
  const char *mode = nullptr; // "native", "generic", "offload"; nullptr: unknown (another namespace)
  uint32_t linkId = 0;        // the bpf_link that holds it; 0: attached by netlink, no link
};

// A slot of a BPF_MAP_TYPE_PROG_ARRAY: where bpf_tail_call jumps.
struct TailCallSlot {
  uint32_t mapId = 0;
  std::string mapName;
  uint32_t index = 0;
};

// Everything known about where one program runs.
struct Attachments {
  std::vector<XdpAttachment> xdp;
  std::optional<Extension> extensionOf;  // it replaces a function of another program
  std::vector<XdpAttachment> targetXdp;  // where that other program is attached
  std::vector<TailCallSlot> tailCalls;
};

class HostAttachments {
public:
  // Reads every interface of this network namespace (bpf_xdp_query), every
  // XDP and freplace link, every prog array's slots. Needs root.
  static HostAttachments scan();
  Attachments of(uint32_t progId) const;

private:
  std::map<uint32_t, std::vector<XdpAttachment>> xdp_;
  std::map<uint32_t, Extension> extensions_;
  std::map<uint32_t, std::vector<TailCallSlot>> tailCalls_;
};

} // namespace inxpect
