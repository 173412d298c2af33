#include "object/StatsLayout.h"

#include <algorithm>

#include <bpf/bpf.h>

namespace inxpect {

const char *statsKindName(StatsKind kind) {
  switch (kind) {
  case StatsKind::Global:
    return "global";
  case StatsKind::PerCpuMap:
    return "percpu-map";
  case StatsKind::CpuSlots:
    break;
  }
  return "cpu-slots";
}

bool recogniseStatsKind(uint32_t mapType, uint32_t entries, unsigned nsections, StatsKind &kind) {
  if (nsections == 0)
    return false;
  if (mapType == BPF_MAP_TYPE_PERCPU_ARRAY && entries == nsections) {
    kind = StatsKind::PerCpuMap;
    return true;
  }
  if (mapType != BPF_MAP_TYPE_ARRAY || entries % nsections != 0)
    return false;
  // A CPU-slot map has a block per CPU (INXPECT_MAX_CPUS before load, the
  // possible CPUs after): one block alone is the global layout. On a
  // one-CPU machine both read the same.
  kind = entries == nsections ? StatsKind::Global : StatsKind::CpuSlots;
  return true;
}

StatsLayout statsLayoutOf(StatsKind kind, const StatsMaps &maps, unsigned nsections,
                          unsigned possibleCpus) {
  StatsLayout s;
  s.kind = kind;
  s.statsFd = maps.statsFd;
  s.slotSize = (maps.statsValueSize + 7) / 8 * 8; // array maps round values to 8
  s.nsections = nsections;
  s.nevents = maps.slot.events;
  s.nestedOffset = maps.slot.nestedOffset;
  s.passesOffset = maps.slot.passesOffset;
  s.childrenOffset = maps.slot.childrenOffset;
  s.childrenTotalOffset = maps.slot.childrenTotalOffset;
  s.childrenNestedOffset = maps.slot.childrenNestedOffset;
  s.histOffset = maps.slot.histOffset;
  s.histBuckets = maps.slot.histBuckets;
  s.byParent = maps.slot.byParent;
  s.ncpus = kind == StatsKind::Global      ? 1
            : kind == StatsKind::PerCpuMap ? possibleCpus
                                           : std::min(maps.statsEntries / nsections, possibleCpus);
  s.runsFd = maps.runsFd;
  s.runsValueSize = (maps.runsValueSize + 7) / 8 * 8;
  s.runsOffset = maps.runs.runsOffset;
  s.openOffset = maps.runs.openOffset;
  s.openSize = maps.runs.openSize;
  s.untimedOffset = maps.runs.untimedOffset;
  s.runsCpus = possibleCpus; // a per-CPU lookup fills one value per possible CPU
  return s;
}

} // namespace inxpect
