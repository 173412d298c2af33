#include "profile/StatsReader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <sys/mman.h>
#include <unistd.h>

#include <bpf/bpf.h>

#include "RunError.h"

namespace inxpect {

Snapshot difference(const Snapshot &after, const Snapshot &before) {
  Snapshot d = after;
  d.runs -= before.runs;
  for (std::size_t s = 0; s < d.sections.size() && s < before.sections.size(); ++s)
    for (std::size_t e = 0; e < d.sections[s].size() && e < before.sections[s].size(); ++e) {
      d.sections[s][e].count -= before.sections[s][e].count;
      d.sections[s][e].total -= before.sections[s][e].total;
      d.sections[s][e].nested -= before.sections[s][e].nested;
      d.sections[s][e].passes -= before.sections[s][e].passes;
      d.sections[s][e].children -= before.sections[s][e].children;
      d.sections[s][e].childrenTotal -= before.sections[s][e].childrenTotal;
      d.sections[s][e].childrenNested -= before.sections[s][e].childrenNested;
      std::vector<uint64_t> &buckets = d.sections[s][e].buckets;
      const std::vector<uint64_t> &was = before.sections[s][e].buckets;
      for (std::size_t b = 0; b < buckets.size() && b < was.size(); ++b)
        buckets[b] -= was[b];
    }
  for (std::size_t s = 0; s < d.byParent.size() && s < before.byParent.size(); ++s)
    for (std::size_t p = 0; p < d.byParent[s].size() && p < before.byParent[s].size(); ++p) {
      d.byParent[s][p].count -= before.byParent[s][p].count;
      d.byParent[s][p].total -= before.byParent[s][p].total;
      d.byParent[s][p].nested -= before.byParent[s][p].nested;
    }
  for (std::size_t s = 0; s < d.untimed.size() && s < before.untimed.size(); ++s)
    d.untimed[s] -= before.untimed[s];
  for (std::size_t s = 0; s < d.cpuCounts.size() && s < before.cpuCounts.size(); ++s)
    for (std::size_t c = 0; c < d.cpuCounts[s].size() && c < before.cpuCounts[s].size(); ++c)
      d.cpuCounts[s][c] -= before.cpuCounts[s][c];
  return d;
}

namespace {

// A word of a slot the probes may be writing (see sumSlots).
uint64_t loadWord(const unsigned char *at) {
  return __atomic_load_n(reinterpret_cast<const uint64_t *>(at), __ATOMIC_RELAXED);
}

// A slot's figures by parent, added to `into` (1 + the sections at most).
void addByParent(const unsigned char *slot, const ByParentLayout &l, std::vector<ParentTotals> &into) {
  for (std::size_t p = 0; p < into.size(); ++p) {
    const unsigned char *stats = slot + l.offset + p * l.stride;
    into[p].count += loadWord(stats + l.count);
    into[p].total += loadWord(stats + l.total);
    into[p].nested += loadWord(stats + l.nested);
  }
}

} // namespace

Snapshot sumSlots(const unsigned char *slots, const StatsLayout &layout) {
  Snapshot snap;
  snap.sections.assign(layout.nsections, std::vector<EventTotals>(layout.nevents));
  snap.cpuCounts.assign(layout.nsections, std::vector<uint64_t>(layout.ncpus));
  snap.untimed.assign(layout.nsections, 0);
  snap.selfKept = layout.passesOffset != 0;
  const ByParentLayout &byParent = layout.byParent;
  std::size_t parents = std::min<std::size_t>(byParent.parents, layout.nsections + 1);
  if (byParent.offset && byParent.offset + parents * byParent.stride <= layout.slotSize)
    snap.byParent.assign(layout.nsections, std::vector<ParentTotals>(parents));
  for (unsigned cpu = 0; cpu < layout.ncpus; ++cpu)
    for (unsigned id = 0; id < layout.nsections; ++id) {
      const unsigned char *slot = slots + (std::size_t(cpu) * layout.nsections + id) * layout.slotSize;
      const auto *words = reinterpret_cast<const uint64_t *>(slot);
      for (unsigned e = 0; e < layout.nevents; ++e) {
        // Relaxed loads: the probes write these while we read, and a u64
        // load is never torn on the machines BPF runs on.
        uint64_t count = __atomic_load_n(&words[2 * e], __ATOMIC_RELAXED);
        snap.sections[id][e].count += count;
        snap.sections[id][e].total += __atomic_load_n(&words[2 * e + 1], __ATOMIC_RELAXED);
        auto kept = [&](std::size_t offset) {
          return offset ? __atomic_load_n(&words[offset / 8 + e], __ATOMIC_RELAXED) : 0;
        };
        snap.sections[id][e].nested += kept(layout.nestedOffset);
        snap.sections[id][e].passes += kept(layout.passesOffset);
        snap.sections[id][e].children += kept(layout.childrenOffset);
        snap.sections[id][e].childrenTotal += kept(layout.childrenTotalOffset);
        snap.sections[id][e].childrenNested += kept(layout.childrenNestedOffset);
        snap.cpuCounts[id][cpu] += count;
        if (e == 0 && !snap.byParent.empty())
          addByParent(slot, byParent, snap.byParent[id]);
        if (!layout.histOffset)
          continue;
        std::vector<uint64_t> &buckets = snap.sections[id][e].buckets;
        buckets.resize(layout.histBuckets);
        const uint64_t *hist = words + layout.histOffset / 8 + std::size_t(e) * layout.histBuckets;
        for (unsigned b = 0; b < layout.histBuckets; ++b)
          buckets[b] += __atomic_load_n(&hist[b], __ATOMIC_RELAXED);
      }
    }
  return snap;
}

void addUntimed(Snapshot &snap, const unsigned char *runState, unsigned cpu,
                const StatsLayout &layout) {
  if (!layout.openSize)
    return;
  for (unsigned id = 0; id < layout.nsections; ++id) {
    uint64_t untimed;
    std::memcpy(&untimed, runState + layout.openOffset + id * layout.openSize + layout.untimedOffset,
                sizeof untimed);
    snap.untimed[id] += untimed;
    // The CPU slots' layout has a count by CPU; the others sum them in one.
    if (cpu < snap.cpuCounts[id].size())
      snap.cpuCounts[id][cpu] += untimed;
    else if (!snap.cpuCounts[id].empty())
      snap.cpuCounts[id][0] += untimed;
  }
}

StatsReader::StatsReader(const StatsLayout &layout) : layout_(layout) {
  if (layout.kind == StatsKind::PerCpuMap)
    return; // not mmapable: read by lookups
  long page = ::sysconf(_SC_PAGESIZE);
  std::size_t bytes = std::size_t(layout.ncpus) * layout.nsections * layout.slotSize;
  mappedSize_ = (bytes + page - 1) / page * page;
  mapped_ = ::mmap(nullptr, mappedSize_, PROT_READ, MAP_SHARED, layout.statsFd, 0);
  if (mapped_ == MAP_FAILED) {
    mapped_ = nullptr;
    throw RunError(std::string("cannot mmap inxpect_stats: ") + std::strerror(errno) +
                   " (the map must be BPF_F_MMAPABLE, as INXPECT_OBJECT declares it)");
  }
}

StatsReader::~StatsReader() {
  if (mapped_)
    ::munmap(mapped_, mappedSize_);
}

Snapshot StatsReader::snapshot() const {
  Snapshot snap;
  if (layout_.kind == StatsKind::PerCpuMap) {
    // A lookup returns the section's value on every possible CPU; lay them
    // out as CPU slots would be, [cpu][section], and sum them the same way.
    std::size_t n = std::size_t(layout_.ncpus) * layout_.nsections * layout_.slotSize;
    std::vector<unsigned char> slots(n), values(std::size_t(layout_.ncpus) * layout_.slotSize);
    for (uint32_t id = 0; id < layout_.nsections; ++id) {
      if (bpf_map_lookup_elem(layout_.statsFd, &id, values.data()) != 0)
        throw RunError(std::string("cannot read inxpect_stats: ") + std::strerror(errno));
      for (unsigned cpu = 0; cpu < layout_.ncpus; ++cpu)
        std::memcpy(slots.data() + (std::size_t(cpu) * layout_.nsections + id) * layout_.slotSize,
                    values.data() + std::size_t(cpu) * layout_.slotSize, layout_.slotSize);
    }
    snap = sumSlots(slots.data(), layout_);
  } else {
    snap = sumSlots(static_cast<const unsigned char *>(mapped_), layout_);
  }
  // A per-CPU lookup returns one value for each possible CPU.
  unsigned runsCpus = layout_.runsCpus ? layout_.runsCpus : layout_.ncpus;
  std::vector<unsigned char> values(std::size_t(runsCpus) * layout_.runsValueSize);
  uint32_t zero = 0;
  if (bpf_map_lookup_elem(layout_.runsFd, &zero, values.data()) != 0)
    throw RunError(std::string("cannot read inxpect_runs: ") + std::strerror(errno));
  for (unsigned cpu = 0; cpu < runsCpus; ++cpu) {
    const unsigned char *value = values.data() + cpu * layout_.runsValueSize;
    uint64_t runs;
    std::memcpy(&runs, value + layout_.runsOffset, sizeof runs);
    snap.runs += runs;
    addUntimed(snap, value, cpu, layout_);
  }
  return snap;
}

} // namespace inxpect
