// Which counter the probes read: the inxpect kernel module's kfunc when it is
// loaded, else the clock. libbpf decides the same way when it loads the object.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace inxpect {

enum class CounterKind { Kfunc, Clock };

struct CounterSource {
  CounterKind kind = CounterKind::Clock;
  const char *name() const { return kind == CounterKind::Kfunc ? "kfunc" : "clock"; }
  // The one line a report starts with, e.g. "counter: clock (bpf_ktime_get_ns, ns): ..."
  std::string describe() const;
};

// An event as reports name it: index in the stats slot, name, unit.
struct EventInfo {
  unsigned index = 0;
  std::string name;
  std::string unit;
  uint32_t sampleEvery = 1;
};

// True when vmlinux or a loaded module's BTF has the FUNC bpf_inxpect_read.
bool kernelHasInxpectKfunc();
CounterSource detectCounterSource();

// The events a run measures: with the clock, one event "clock" in ns.
std::vector<EventInfo> measuredEvents(const CounterSource &source, uint32_t sampleEvery);

} // namespace inxpect
