#include "object/ProgramExtensions.h"

#include <algorithm>
#include <unistd.h>

#include <bpf/bpf.h>

#include "object/KernelObjects.h"

namespace inxpect {

namespace {

// What libxdp names its dispatcher's entry function, hence the program.
const char kDispatcherName[] = "xdp_dispatcher";

struct ProgramFacts {
  uint32_t type = 0;
  std::string name;
};

std::optional<ProgramFacts> programFacts(uint32_t id) {
  int fd = bpf_prog_get_fd_by_id(id);
  if (fd < 0)
    return std::nullopt;
  bpf_prog_info info{};
  uint32_t len = sizeof info;
  int err = bpf_obj_get_info_by_fd(fd, &info, &len);
  ::close(fd);
  if (err)
    return std::nullopt;
  return ProgramFacts{info.type, info.name};
}

std::string idAndName(uint32_t id, const std::string &name) {
  return name + " (id " + std::to_string(id) + ")";
}

} // namespace

// An freplace link is a tracing link of an extension program; its target is
// a program id (for fentry and the like it is a BTF object id instead). The
// function it replaces is left out: Debian's 6.1 kernel names the target
// program's main function for the link libxdp creates when it loads the
// extension (target_btf_id), and the right slot only for the links it makes
// when it moves extensions to a new dispatcher.
std::vector<Extension> extensionLinks() {
  std::vector<Extension> links;
  forEachLink([&](const bpf_link_info &info) {
    if (info.type != BPF_LINK_TYPE_TRACING)
      return;
    std::optional<ProgramFacts> program = programFacts(info.prog_id);
    if (!program || program->type != BPF_PROG_TYPE_EXT)
      return;
    Extension link;
    link.id = info.prog_id;
    link.name = program->name;
    link.targetId = info.tracing.target_obj_id;
    if (std::optional<ProgramFacts> target = programFacts(link.targetId))
      link.targetName = target->name;
    links.push_back(link);
  });
  return links;
}

bool isLibxdpDispatcher(const std::string &name) { return name == kDispatcherName; }

std::vector<Extension> extensionsOf(uint32_t targetId) {
  std::vector<Extension> found;
  for (const Extension &e : extensionLinks())
    if (e.targetId == targetId)
      found.push_back(e);
  std::sort(found.begin(), found.end(),
            [](const Extension &a, const Extension &b) { return a.id < b.id; });
  return found;
}

std::optional<Extension> extensionLinkOf(uint32_t id) {
  for (const Extension &e : extensionLinks())
    if (e.id == id)
      return e;
  return std::nullopt;
}

std::string describeExtension(const Extension &e) {
  std::string target = isLibxdpDispatcher(e.targetName) ? "libxdp's dispatcher " : "program ";
  return idAndName(e.id, e.name) + " runs as an extension (freplace) of " + target +
         idAndName(e.targetId, e.targetName);
}

std::string programsBehind(uint32_t id, const std::string &name) {
  std::vector<Extension> behind = extensionsOf(id);
  bool dispatcher = isLibxdpDispatcher(name);
  std::string what = "program " + idAndName(id, name) +
                     (dispatcher ? " is libxdp's dispatcher (xdp-loader), not an instrumented "
                                   "program"
                                 : " is not instrumented");
  if (behind.empty())
    return dispatcher ? what + ", and no program runs behind it that inxpect-run can find: "
                               "xdp-loader status lists the programs of each interface"
                      : "";
  std::string list;
  for (const Extension &e : behind)
    list += (list.empty() ? "" : ", ") + std::string("id ") + std::to_string(e.id) + " (" +
            e.name + ")";
  bool one = behind.size() == 1;
  return what + (one ? ": the program behind it is " : ": the programs behind it are ") + list +
         (one ? ", an extension (freplace) of one of its functions. Profile it"
              : ", each an extension (freplace) of one of its functions. Profile one of them") +
         " by its id: inxpect-run attach --prog-id " + std::to_string(behind[0].id);
}

} // namespace inxpect
