// Reads the sections' statistics: inxpect_stats through mmap (no system call
// a read) and the entry-program runs from inxpect_runs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "object/StatsLayout.h"

namespace inxpect {

struct EventTotals {
  uint64_t count = 0;  // section entries timed for this event
  uint64_t total = 0;  // sum of END - START readings
  uint64_t nested = 0; // entries (untimed) inside those, at any depth
  // Its entries in the runs that timed the depth below it, its direct
  // children timed in them, their readings and their nested entries.
  uint64_t passes = 0, children = 0, childrenTotal = 0, childrenNested = 0;
  // Entries by bucket of their reading, the probes taken out
  // (profile/Histogram.h); empty where the object keeps no histogram.
  std::vector<uint64_t> buckets = {};
};

// A section's timed entries for the first event made directly inside one
// parent: how many, their readings and the entries nested in them.
struct ParentTotals {
  uint64_t count = 0, total = 0, nested = 0;
};

struct Snapshot {
  uint64_t runs = 0;                             // entry-program runs, all CPUs
  std::vector<std::vector<EventTotals>> sections; // [section id][event], all CPUs
  std::vector<uint64_t> untimed;                  // [section id]: entries not timed, all CPUs
  std::vector<std::vector<uint64_t>> cpuCounts;   // [section id][cpu]: entries, timed or not
  bool selfKept = false; // the object keeps its passes' children (a newer header)
  // [section id][parent]: [0] entered with no section around it, [1 + id]
  // directly inside section id. Empty where the object keeps none.
  std::vector<std::vector<ParentTotals>> byParent;
};

// after - before, field by field: what happened between two snapshots.
Snapshot difference(const Snapshot &after, const Snapshot &before);

// Sums the slots of every CPU (key = cpu * nsections + id) into one snapshot;
// `slots` is the stats map's memory. Runs are left 0.
Snapshot sumSlots(const unsigned char *slots, const StatsLayout &layout);

// Adds one CPU's untimed entries, from its value of inxpect_runs
// (`runState`), to `snap`'s counts.
void addUntimed(Snapshot &snap, const unsigned char *runState, unsigned cpu,
                const StatsLayout &layout);

class StatsReader {
public:
  // Maps inxpect_stats read-only. Throws RunError.
  explicit StatsReader(const StatsLayout &layout);
  ~StatsReader();
  StatsReader(const StatsReader &) = delete;
  StatsReader &operator=(const StatsReader &) = delete;

  Snapshot snapshot() const;

private:
  StatsLayout layout_;
  void *mapped_ = nullptr;
  std::size_t mappedSize_ = 0;
};

} // namespace inxpect
