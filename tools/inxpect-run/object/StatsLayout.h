// The three layouts of inxpect_stats (INXPECT_STATS_LAYOUT in inxpect.h) and
// where a loaded program's statistics live: what StatsReader needs.
#pragma once

#include <cstddef>
#include <cstdint>

namespace inxpect {

enum class StatsKind {
  CpuSlots,  // one slot per (CPU, section), mmapable: the default
  Global,    // one slot per section shared by all CPUs (atomic adds), mmapable
  PerCpuMap, // BPF_MAP_TYPE_PERCPU_ARRAY keyed by section, read by lookups
};
const char *statsKindName(StatsKind kind); // "cpu-slots", "global", "percpu-map"

// Which layout a stats map has, from its type and max_entries; false when
// it is none of the three.
bool recogniseStatsKind(uint32_t mapType, uint32_t entries, unsigned nsections, StatsKind &kind);

// Where a section's slot keeps its timed entries by run-time parent, for
// the first event (INXPECT_OBJECT's by_parent[], after struct inxpect_slot):
// one struct inxpect_parent_stats a parent, [0] for none around it.
struct ByParentLayout {
  std::size_t offset = 0;  // of by_parent[0] in the slot; 0: an older header keeps none
  std::size_t stride = 0;  // bytes between two parents
  unsigned parents = 0;    // 1 + the sections
  std::size_t count = 0, total = 0, nested = 0; // fields in one
};

// The shape of struct inxpect_slot, a section's slot in inxpect_stats, from BTF.
struct SlotLayout {
  unsigned events = 0;            // elements of event[]: INXPECT_MAX_EVENTS
  std::size_t nestedOffset = 0;   // offset of nested[]; 0: an older header keeps none
  // Of passes[], children[], children_total[] and children_nested[], likewise.
  std::size_t passesOffset = 0, childrenOffset = 0, childrenTotalOffset = 0,
              childrenNestedOffset = 0;
  std::size_t histOffset = 0;     // of hist[][], likewise
  unsigned histBuckets = 0;       // its buckets an event
  ByParentLayout byParent;
};

struct StatsLayout {
  StatsKind kind = StatsKind::CpuSlots;
  int statsFd = -1;
  std::size_t slotSize = 0;       // bytes between two slots of inxpect_stats
  unsigned nsections = 0;
  unsigned ncpus = 0;             // CPUs the figures cover (1 for Global: not kept apart)
  unsigned nevents = 0;           // events in a slot
  std::size_t nestedOffset = 0;   // of the slot's nested[]; 0: not kept
  // Of its passes[], children[], children_total[], children_nested[]; 0: not kept.
  std::size_t passesOffset = 0, childrenOffset = 0, childrenTotalOffset = 0,
              childrenNestedOffset = 0;
  std::size_t histOffset = 0;     // of its hist[event][bucket]; 0: not kept
  unsigned histBuckets = 0;
  ByParentLayout byParent;        // of its by_parent[]; offset 0: not kept
  int runsFd = -1;                // inxpect_runs, one value per possible CPU
  std::size_t runsValueSize = 0;  // bytes between two CPUs' values
  std::size_t runsOffset = 0;     // offset of struct inxpect_run.runs
  unsigned runsCpus = 0;          // values a lookup of inxpect_runs returns; 0: ncpus
  // The struct inxpect_open a section after struct inxpect_run: where the
  // first is, their size, and the offset of `untimed` in one; openSize 0:
  // an older header, which counts every entry in the slots.
  std::size_t openOffset = 0, openSize = 0, untimedOffset = 0;
};

// Where inxpect_runs' value keeps the run count and each section's
// untimed entries (struct inxpect_run, then a struct inxpect_open a section).
struct RunsLayout {
  std::size_t runsOffset = 0;
  std::size_t openOffset = 0, openSize = 0, untimedOffset = 0; // openSize 0: not kept
};

// What a loaded program's two statistics maps are, as the kernel reports them.
struct StatsMaps {
  int statsFd = -1;
  uint32_t statsValueSize = 0, statsEntries = 0;
  int runsFd = -1;
  uint32_t runsValueSize = 0;
  RunsLayout runs; // from BTF
  SlotLayout slot;
};

// The layout of `maps` for a program of `nsections` sections on a machine of
// `possibleCpus` CPUs. A map sized by another loader keeps INXPECT_MAX_CPUS
// blocks; CPUs past the possible ones never write.
StatsLayout statsLayoutOf(StatsKind kind, const StatsMaps &maps, unsigned nsections,
                          unsigned possibleCpus);

} // namespace inxpect
