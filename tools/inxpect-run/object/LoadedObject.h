// An instrumented BPF object: opened, configured through .data.inxpect,
// sized for this machine and loaded through the verifier.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "object/BtfLayout.h"
#include "counters/CounterSource.h"

struct bpf_object;
struct bpf_program;
struct bpf_map;

namespace inxpect {

// What the object says about itself (runtime/bpf/inxpect.h), read before load.
struct ObjectLayout {
  unsigned nsections = 0;         // size of inxpect_section_off[]
  unsigned maxEvents = 0;         // INXPECT_MAX_EVENTS: stats value size / 16
  uint64_t manifestHash = 0;      // inxpect_manifest_hash
  std::string selfDescription;    // inxpect_self[]: the embedded section table
};

// The three layouts of inxpect_stats (INXPECT_STATS_LAYOUT in inxpect.h).
enum class StatsKind {
  CpuSlots,  // one slot per (CPU, section), mmapable: the default
  Global,    // one slot per section shared by all CPUs (atomic adds), mmapable
  PerCpuMap, // BPF_MAP_TYPE_PERCPU_ARRAY keyed by section, read by lookups
};
const char *statsKindName(StatsKind kind); // "cpu-slots", "global", "percpu-map"

// Which layout a stats map has, from its type and max_entries; false when
// it is none of the three.
bool recogniseStatsKind(uint32_t mapType, uint32_t entries, unsigned nsections, StatsKind &kind);

// Where the statistics live once loaded; what StatsReader needs.
struct StatsLayout {
  StatsKind kind = StatsKind::CpuSlots;
  int statsFd = -1;
  std::size_t slotSize = 0;       // bytes between two slots of inxpect_stats
  unsigned nsections = 0;
  unsigned ncpus = 0;             // CPUs the figures cover (1 for Global: not kept apart)
  unsigned nevents = 0;           // events in a slot
  int runsFd = -1;                // inxpect_runs, one value per possible CPU
  std::size_t runsValueSize = 0;  // bytes between two CPUs' values
  std::size_t runsOffset = 0;     // offset of struct inxpect_run.runs
  unsigned runsCpus = 0;          // values a lookup of inxpect_runs returns; 0: ncpus
};

class LoadedObject {
public:
  // Opens OBJ and chooses its XDP program: progName may be empty when there is
  // exactly one. Needs no privileges. Throws RunError.
  static std::unique_ptr<LoadedObject> open(const std::string &path, const std::string &progName);
  ~LoadedObject();
  LoadedObject(const LoadedObject &) = delete;
  LoadedObject &operator=(const LoadedObject &) = delete;

  const std::string &path() const { return path_; }
  const std::string &programName() const { return programName_; }
  const ObjectLayout &layout() const { return layout_; }

  // Configuration written into .data.inxpect before load; every = 0 turns
  // the event off.
  void setSampleEvery(unsigned event, uint32_t every);
  void setEnabled(bool enabled);
  // The bpf_inxpect_read() argument for an event (ignored by the clock).
  void setCounter(unsigned event, uint32_t counter);
  // Profiling on, exactly `events` measured (their rates and counters), every
  // other slot off: what a command arms before load.
  void configureEvents(const std::vector<EventInfo> &events);

  // Sizes inxpect_stats for the possible CPUs and loads every program.
  // Throws RunError saying what to do (run as root, verifier rejection...).
  void load();

  int programFd() const;
  StatsLayout statsLayout() const; // after load
  bpf_object *object() const { return obj_; }
  bpf_program *program() const { return prog_; }

private:
  LoadedObject() = default;
  void readLayout();
  void writeConfigU32(std::size_t offset, uint32_t value);

  std::string path_;
  std::string programName_;
  bpf_object *obj_ = nullptr;
  bpf_program *prog_ = nullptr;
  bpf_map *stats_ = nullptr, *runs_ = nullptr, *data_ = nullptr;
  ObjectLayout layout_;
  StatsKind statsKind_ = StatsKind::CpuSlots;
  ConfigLayout config_; // offsets inside .data.inxpect, from the object's BTF
  std::size_t runsOffset_ = 0;
  unsigned ncpus_ = 0;
  bool loaded_ = false;
};

} // namespace inxpect
