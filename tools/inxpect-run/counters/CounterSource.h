// Which counter the probes read: the inxpect kernel module's kfunc when it is
// loaded; else the kernel's own JIT-inlined time-stamp counter,
// bpf_get_cpu_time_counter, where the kernel has it; else the clock. The
// probes decide the same way when libbpf loads the object (inxpect_read in
// runtime/bpf/inxpect.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace inxpect {

enum class CounterKind { Kfunc, CpuTimeCounter, Clock };

// Ored into a bpf_inxpect_read() argument: lfence; rdtsc|rdpmc; lfence
// (INXPECT_READ_FENCED in runtime/kmod/inxpect_kmod.h). Only a module whose
// BTF declares INXPECT_KFUNC_ABI_2 reads it; an older one reads 0.
constexpr uint32_t kInxpectReadFenced = 1u << 16;

struct EventInfo;

struct CounterSource {
  CounterKind kind = CounterKind::Clock;
  // Where the inxpect module's events file and arming device are
  // (KernelModule.h); tests point them elsewhere.
  std::string moduleDir = "/sys/kernel/inxpect";
  std::string moduleDevice = "/dev/inxpect";
  // The loaded module reads kInxpectReadFenced (its BTF has INXPECT_KFUNC_ABI_2).
  bool fencedReads = false;
  // Set when the program's probes call no kfunc whatever the kernel has: the
  // kernel refuses kfunc calls from a program that is not GPL-compatible, so
  // the rewrite built them on the clock alone. Says why (clockOnlyReason()).
  std::string clockOnlyBecause = {};
  bool clockOnly() const { return !clockOnlyBecause.empty(); }
  const char *name() const {
    return kind == CounterKind::Kfunc            ? "kfunc"
           : kind == CounterKind::CpuTimeCounter ? "cpu-time-counter"
                                                 : "clock";
  }
  // The one line a report starts with, e.g. "counter: clock (bpf_ktime_get_ns, ns): ..."
  std::string describe() const;
  // The same line, naming how each armed event is read, e.g.
  // "counter: kfunc (bpf_inxpect_read, inxpect kernel module): tsc via rdtsc in cycles",
  // "... tsc via fenced rdtsc in cycles" with --precise
  std::string describe(const std::vector<EventInfo> &events) const;
};

// An event as the user asks for it (--events, --sample); an empty name asks
// for the source's default event.
struct EventRequest {
  std::string name;
  uint32_t sampleEvery = 1; // measure every Nth run
  bool fenced = false;      // --precise: an lfence on each side of every read
};

// An event as it is measured and reported.
struct EventInfo {
  unsigned index = 0;       // slot in the stats map and in inxpect_config's arrays
  std::string name;         // "clock", "cycles", ...
  std::string unit;         // "ns", "cycles", "count"
  uint32_t sampleEvery = 1;
  uint32_t counter = 0;     // the bpf_inxpect_read() argument (unused by the clock)
  std::string via;          // how a probe reads it: "bpf_ktime_get_ns", "rdtsc", "rdpmc"
  bool fenced = false;      // counter has kInxpectReadFenced
};

// 0 when neither vmlinux nor a loaded module's BTF has the FUNC
// bpf_inxpect_read; else the highest N of the INXPECT_KFUNC_ABI_N values its
// BTF declares (1 for a module without the enum): what the argument may hold.
unsigned inxpectKfuncAbi();
// True when vmlinux or a loaded module's BTF has the FUNC bpf_inxpect_read.
bool kernelHasInxpectKfunc();
// True when vmlinux's BTF has the FUNC bpf_get_cpu_time_counter.
bool kernelHasCpuTimeCounter();
// The probes' order: the module's kfunc, the kernel's counter, the clock.
CounterKind chooseCounterKind(bool inxpectKfunc, bool cpuTimeCounter);
CounterSource detectCounterSource();
// The clock, for probes built without kfuncs, `because` says why.
CounterSource clockOnlySource(const std::string &because);

// The event names this source can measure: "clock" with the clock, "tsc"
// with the kernel's counter; with the kernel module, the module's events
// ("tsc" first, always measurable).
std::vector<std::string> offeredEvents(const CounterSource &source);

// Readies the requested events, in slot order (with the kernel module this
// programs its counters), and returns how each is measured. An empty name is
// the source's default: "clock", or "tsc" with the module. Throws RunError
// with a sentence saying what to do: unknown event, event the source cannot
// measure (with the module: no PMU, counters taken), more events than the
// object's `maxEvents` slots. A fenced request (--precise) the source cannot
// fence is a UsageError saying why: the clock, the kernel's counter, a module
// older than INXPECT_KFUNC_ABI_2.
std::vector<EventInfo> armEvents(const CounterSource &source,
                                 const std::vector<EventRequest> &requested, unsigned maxEvents);

} // namespace inxpect
