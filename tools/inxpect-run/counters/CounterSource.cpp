#include "counters/CounterSource.h"

#include "counters/KernelModule.h"
#include "RunError.h"

#include <algorithm>

#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

namespace inxpect {

namespace {

const char kKfunc[] = "bpf_inxpect_read";
const char kCpuTimeCounter[] = "bpf_get_cpu_time_counter";

bool hasFunc(const btf *btf, const char *name = kKfunc) {
  return btf && btf__find_by_name_kind(btf, name, BTF_KIND_FUNC) > 0;
}

// The highest N of enum inxpect_kfunc_abi's INXPECT_KFUNC_ABI_N in `btf`,
// the BTF that has the kfunc (runtime/kmod/inxpect_kfunc.c): 1 without it.
unsigned abiOf(const btf *btf) {
  int id = btf__find_by_name_kind(btf, "inxpect_kfunc_abi", BTF_KIND_ENUM);
  if (id <= 0)
    return 1;
  const btf_type *t = btf__type_by_id(btf, id);
  const struct btf_enum *values = btf_enum(t);
  const std::string prefix = "INXPECT_KFUNC_ABI_";
  unsigned abi = 1;
  for (unsigned i = 0; i < btf_vlen(t); ++i) {
    std::string name = btf__name_by_offset(btf, values[i].name_off);
    if (name.rfind(prefix, 0) == 0 && values[i].val > 0)
      abi = std::max(abi, static_cast<unsigned>(values[i].val));
  }
  return abi;
}

// The kfunc's ABI in the loaded modules' BTF, found the way libbpf resolves
// kfuncs: by BTF object id. 0 when no module has the kfunc.
unsigned moduleKfuncAbi(btf *vmlinux) {
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
    unsigned abi = hasFunc(mod) ? abiOf(mod) : 0;
    btf__free(mod);
    if (abi)
      return abi;
  }
  return 0;
}

} // namespace

unsigned inxpectKfuncAbi() {
  btf *vmlinux = btf__load_vmlinux_btf();
  if (!vmlinux)
    return 0;
  unsigned abi = hasFunc(vmlinux) ? abiOf(vmlinux) : moduleKfuncAbi(vmlinux);
  btf__free(vmlinux);
  return abi;
}

bool kernelHasInxpectKfunc() { return inxpectKfuncAbi() > 0; }

bool kernelHasCpuTimeCounter() {
  btf *vmlinux = btf__load_vmlinux_btf();
  bool found = hasFunc(vmlinux, kCpuTimeCounter);
  btf__free(vmlinux);
  return found;
}

CounterKind chooseCounterKind(bool inxpectKfunc, bool cpuTimeCounter) {
  if (inxpectKfunc)
    return CounterKind::Kfunc; // it reads the TSC too, and PMU events besides
  return cpuTimeCounter ? CounterKind::CpuTimeCounter : CounterKind::Clock;
}

CounterSource detectCounterSource() {
  CounterSource s;
  unsigned abi = inxpectKfuncAbi();
  s.kind = chooseCounterKind(abi > 0, kernelHasCpuTimeCounter());
  s.fencedReads = abi >= 2;
  return s;
}

CounterSource clockOnlySource(const std::string &because) {
  CounterSource s;
  s.kind = CounterKind::Clock;
  s.clockOnlyBecause = because;
  return s;
}

std::string CounterSource::describe() const {
  if (clockOnly())
    return "counter: clock (bpf_ktime_get_ns, ns): the program reads the clock only, because " +
           clockOnlyBecause + " and the kernel lets such a program call no kfunc";
  if (kind == CounterKind::Kfunc)
    return "counter: kfunc (bpf_inxpect_read, inxpect kernel module)";
  if (kind == CounterKind::CpuTimeCounter)
    return "counter: cpu-time-counter (bpf_get_cpu_time_counter, cycles): the kernel's time-stamp "
           "counter, inlined by its JIT; inxpect kernel module not loaded";
  return "counter: clock (bpf_ktime_get_ns, ns): inxpect kernel module not loaded, using the "
         "clock fallback";
}

std::string CounterSource::describe(const std::vector<EventInfo> &events) const {
  if (kind != CounterKind::Kfunc)
    return describe();
  std::string line = describe() + ":";
  for (size_t i = 0; i < events.size(); ++i)
    line += std::string(i ? "," : "") + " " + events[i].name + " via " +
            (events[i].fenced ? "fenced " : "") + events[i].via + " in " + events[i].unit;
  return line;
}

namespace {

std::string joined(const std::vector<std::string> &names) {
  std::string out;
  for (const std::string &n : names)
    out += (out.empty() ? "" : ", ") + n;
  return out;
}

// The module's name for its time-stamp counter: always armed, works in any VM.
const char kModuleDefaultEvent[] = "tsc";

KernelModule requireModule(const CounterSource &source) {
  auto module = KernelModule::find(source.moduleDir, source.moduleDevice);
  if (!module)
    throw RunError("bpf_inxpect_read is in the kernel but " + source.moduleDir +
                   " is missing: load the inxpect module from this source tree "
                   "(runtime/kmod), not another version");
  return *module;
}

// Cycles for the TSC and the cycle counter, plain counts for everything else.
std::string unitOf(const std::string &event) {
  return event == "tsc" || event == "cycles" ? "cycles" : "count";
}

bool anyFenced(const std::vector<EventRequest> &wanted) {
  return std::any_of(wanted.begin(), wanted.end(), [](const EventRequest &r) { return r.fenced; });
}

std::vector<EventInfo> armModuleEvents(const CounterSource &source,
                                       const std::vector<EventRequest> &wanted) {
  KernelModule module = requireModule(source);
  if (anyFenced(wanted) && !source.fencedReads)
    throw UsageError("--precise: the loaded inxpect module cannot fence its reads (its BTF has no "
                     "INXPECT_KFUNC_ABI_2; it would read 0): load the module from this source "
                     "tree (runtime/kmod), or leave --precise out");
  std::vector<ModuleEvent> offered = module.events();
  std::vector<std::string> toArm;
  for (const EventRequest &r : wanted) {
    std::string name = r.name.empty() ? kModuleDefaultEvent : r.name;
    bool known = false;
    for (const ModuleEvent &m : offered)
      known = known || m.name == name;
    if (name == "clock")
      throw RunError("event 'clock' is not measured while the inxpect kernel module is loaded "
                     "(the probes call its kfunc): measure --events tsc, or unload the module");
    if (!known)
      throw RunError("event '" + name + "' is not one the inxpect module offers: choose among " +
                     joined(offeredEvents(source)));
    if (name != kModuleDefaultEvent)
      toArm.push_back(name);
  }
  // The TSC needs no arming: the device is opened only for hardware events.
  std::vector<ModuleEvent> state = toArm.empty() ? offered : module.arm(toArm);

  std::vector<EventInfo> events;
  for (const EventRequest &r : wanted) {
    std::string name = r.name.empty() ? kModuleDefaultEvent : r.name;
    const ModuleEvent *m = nullptr;
    for (const ModuleEvent &candidate : state)
      if (candidate.name == name)
        m = &candidate;
    if (!m || m->state != "armed")
      throw RunError("event '" + name + "' cannot be measured: " +
                     (m && !m->reason.empty() ? m->reason : std::string("the module did not arm it")) +
                     " (measure --events tsc, which works everywhere)");
    EventInfo e;
    e.index = static_cast<unsigned>(events.size());
    e.name = name;
    e.unit = unitOf(name);
    e.sampleEvery = r.sampleEvery;
    e.counter = m->slot | (r.fenced ? kInxpectReadFenced : 0);
    e.via = m->via;
    e.fenced = r.fenced;
    events.push_back(e);
  }
  return events;
}

// Probes built without kfuncs read the clock, and nothing fenced: says why
// when asked for more.
void checkClockOnly(const CounterSource &source, const std::vector<EventRequest> &wanted) {
  std::string why = "this program's probes call no kfunc, because " + source.clockOnlyBecause +
                    " and the kernel lets such a program call none";
  std::string fix = ": give it a GPL-compatible license and instrument it again, or ";
  if (anyFenced(wanted))
    throw UsageError("--precise needs the inxpect kernel module's kfunc, but " + why + fix +
                     "leave --precise out");
  for (const EventRequest &r : wanted)
    if (!r.name.empty() && r.name != "clock")
      throw RunError("event '" + r.name + "' needs the inxpect kernel module's kfunc, but " +
                     why + fix + "measure --events clock");
}

// The one event of a source without the module: the clock, or the kernel's
// time-stamp counter; the probes cannot read anything else.
std::vector<EventInfo> armSingleEvent(const CounterSource &source,
                                      const std::vector<EventRequest> &wanted) {
  bool tsc = source.kind == CounterKind::CpuTimeCounter;
  std::string only = tsc ? "tsc" : "clock";
  if (source.clockOnly())
    checkClockOnly(source, wanted);
  // What is true of each: the kernel reads the TSC with rdtsc_ordered
  // (lfence; rdtsc, or rdtscp) under ktime_get_mono_fast_ns where the TSC is
  // the clock source, and the JIT inlines bpf_get_cpu_time_counter as
  // lfence; rdtsc. Neither can be fenced on both sides from a BPF program.
  if (anyFenced(wanted))
    throw UsageError(
        std::string("--precise needs the inxpect kernel module (runtime/kmod), which is not "
                    "loaded: ") +
        (tsc ? "bpf_get_cpu_time_counter is inlined as lfence; rdtsc, ordered after the "
               "instructions before it but not before those after it, and a BPF program "
               "cannot add the second fence"
             : "bpf_ktime_get_ns reads the kernel's clock source, on x86 the TSC with "
               "rdtsc_ordered (lfence; rdtsc, or rdtscp): ordered after the instructions "
               "before it but not before those after it, inside a helper call of about 50 "
               "instructions that a BPF program cannot fence") +
        ": load the module (docs/kernel-module.md), or leave --precise out");
  std::vector<EventInfo> events;
  for (const EventRequest &r : wanted) {
    std::string name = r.name.empty() ? only : r.name;
    if (name != only)
      throw RunError("event '" + name + "' needs the inxpect kernel module (runtime/kmod), "
                     "which is not loaded: load it (docs/kernel-module.md), or measure --events " +
                     only);
    EventInfo e;
    e.index = static_cast<unsigned>(events.size());
    e.name = name;
    e.unit = tsc ? "cycles" : "ns";
    e.sampleEvery = r.sampleEvery;
    e.via = tsc ? kCpuTimeCounter : "bpf_ktime_get_ns";
    events.push_back(e);
  }
  return events;
}

} // namespace

std::vector<std::string> offeredEvents(const CounterSource &source) {
  if (source.kind == CounterKind::Clock)
    return {"clock"};
  if (source.kind == CounterKind::CpuTimeCounter)
    return {"tsc"};
  std::vector<std::string> names;
  for (const ModuleEvent &m : requireModule(source).events())
    names.push_back(m.name);
  return names;
}

std::vector<EventInfo> armEvents(const CounterSource &source,
                                 const std::vector<EventRequest> &requested, unsigned maxEvents) {
  std::vector<EventRequest> wanted = requested;
  if (wanted.empty())
    wanted.push_back({});
  if (wanted.size() > maxEvents)
    throw RunError(std::to_string(wanted.size()) + " events asked for, but the object has room for " +
                   std::to_string(maxEvents) + " (INXPECT_MAX_EVENTS): measure fewer at once, or "
                   "rebuild it with -DINXPECT_MAX_EVENTS=N");
  return source.kind == CounterKind::Kfunc ? armModuleEvents(source, wanted)
                                           : armSingleEvent(source, wanted);
}

} // namespace inxpect
