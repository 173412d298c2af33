// Programs attached as extensions (BPF_PROG_TYPE_EXT, freplace) of a function
// of another program: how libxdp's dispatcher, which xdp-loader attaches to
// the interface, runs the programs behind it. Whole-program tools see only the
// dispatcher; inxpect profiles an extension itself, by its own id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace inxpect {

// One freplace link, as the kernel describes it.
struct Extension {
  uint32_t id = 0; // the extension program
  std::string name;
  uint32_t targetId = 0; // the program one of whose functions it replaces
  std::string targetName;
};

// Every freplace link on the host.
std::vector<Extension> extensionLinks();

// Whether a program of this name is libxdp's dispatcher (by the name libxdp
// gives its entry function).
bool isLibxdpDispatcher(const std::string &name);

// The extensions attached to program `targetId`, by id.
std::vector<Extension> extensionsOf(uint32_t targetId);

// Where program `id` is attached as an extension, if it is.
std::optional<Extension> extensionLinkOf(uint32_t id);

// "xdp_router (id 12) runs as an extension (freplace) of libxdp's
// dispatcher xdp_dispatcher (id 11)".
std::string describeExtension(const Extension &e);

// The sentence that tells a user who named program `id` (`name`), which is
// not instrumented, that the programs behind it are the ones to attach to;
// "" when no extension is attached to it.
std::string programsBehind(uint32_t id, const std::string &name);

} // namespace inxpect
