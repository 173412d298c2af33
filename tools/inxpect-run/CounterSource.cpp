#include "CounterSource.h"

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

std::vector<EventInfo> measuredEvents(const CounterSource &source, uint32_t sampleEvery) {
  if (source.kind == CounterKind::Clock)
    return {{0, "clock", "ns", sampleEvery}};
  // The module's counters get names when --events arrives; until then, its first.
  return {{0, "counter0", "count", sampleEvery}};
}

} // namespace inxpect
