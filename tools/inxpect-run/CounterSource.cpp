#include "CounterSource.h"

#include "RunError.h"

#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

namespace inxpect {

namespace {

const char kKfunc[] = "bpf_inxpect_read";

bool hasFunc(const btf *btf) { return btf && btf__find_by_name_kind(btf, kKfunc, BTF_KIND_FUNC) > 0; }

// Loaded modules' BTF, found the way libbpf resolves kfuncs: by BTF object id.
bool moduleHasFunc(btf *vmlinux) {
  __u32 id = 0;
  while (bpf_btf_get_next_id(id, &id) == 0) {
    int fd = bpf_btf_get_fd_by_id(id);
    if (fd < 0)
      continue;
    char name[64] = {};
    bpf_btf_info info = {};
    __u32 len = sizeof info;
    info.name = reinterpret_cast<__u64>(name);
    info.name_len = sizeof name;
    int err = bpf_obj_get_info_by_fd(fd, &info, &len);
    ::close(fd);
    // Only kernel BTF (vmlinux, modules), not the BTF of loaded programs.
    if (err || !info.kernel_btf || std::string(name) == "vmlinux")
      continue;
    btf *mod = btf__load_from_kernel_by_id_split(id, vmlinux);
    bool found = hasFunc(mod);
    btf__free(mod);
    if (found)
      return true;
  }
  return false;
}

} // namespace

bool kernelHasInxpectKfunc() {
  btf *vmlinux = btf__load_vmlinux_btf();
  if (!vmlinux)
    return false;
  bool found = hasFunc(vmlinux) || moduleHasFunc(vmlinux);
  btf__free(vmlinux);
  return found;
}

CounterSource detectCounterSource() {
  CounterSource s;
  s.kind = kernelHasInxpectKfunc() ? CounterKind::Kfunc : CounterKind::Clock;
  return s;
}

std::string CounterSource::describe() const {
  if (kind == CounterKind::Kfunc)
    return "counter: kfunc (bpf_inxpect_read, the inxpect kernel module's counter 0)";
  return "counter: clock (bpf_ktime_get_ns, ns): inxpect kernel module not loaded, using the "
         "clock fallback";
}

std::vector<std::string> offeredEvents(const CounterSource &) { return {"clock"}; }

std::vector<EventInfo> armEvents(const CounterSource &source,
                                 const std::vector<EventRequest> &requested, unsigned maxEvents) {
  std::vector<EventRequest> wanted = requested;
  if (wanted.empty())
    wanted.push_back({});
  if (wanted.size() > maxEvents)
    throw RunError(std::to_string(wanted.size()) + " events asked for, but the object has room for " +
                   std::to_string(maxEvents) + " (INXPECT_MAX_EVENTS): measure fewer at once, or "
                   "rebuild it with -DINXPECT_MAX_EVENTS=N");
  std::vector<EventInfo> events;
  for (const EventRequest &r : wanted) {
    std::string name = r.name.empty() ? "clock" : r.name;
    if (name != "clock")
      throw RunError("event '" + name + "' needs the inxpect kernel module (runtime/kmod), " +
                     (source.kind == CounterKind::Clock ? std::string("which is not loaded")
                                                        : std::string("which does not offer it")) +
                     ": load it, or measure --events clock");
    EventInfo e;
    e.index = static_cast<unsigned>(events.size());
    e.name = name;
    e.unit = "ns";
    e.sampleEvery = r.sampleEvery;
    e.via = "bpf_ktime_get_ns";
    events.push_back(e);
  }
  return events;
}

} // namespace inxpect
