// An instrumented BPF object: opened, its program chosen, sized for this
// machine and loaded through the verifier. Its configuration is written
// after load, through the LiveProgram it gives (ProgramConfig).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "object/BtfLayout.h"
#include "object/LiveProgram.h"
#include "object/StatsLayout.h"

struct bpf_object;
struct bpf_program;
struct bpf_map;

namespace inxpect {

// What the object says about itself (runtime/bpf/inxpect.h), read before load.
struct ObjectLayout {
  unsigned nsections = 0;         // size of inxpect_section_off[]
  unsigned maxEvents = 0;         // INXPECT_MAX_EVENTS: struct inxpect_slot's event[]
  uint64_t manifestHash = 0;      // inxpect_manifest_hash
  std::string selfDescription;    // inxpect_self[]: the embedded section table
};

class LoadedObject {
public:
  // Opens OBJ and chooses its XDP program: progName may be empty when there is
  // exactly one. Needs no privileges. Throws RunError.
  static std::unique_ptr<LoadedObject> open(const std::string &path, const std::string &progName);
  // The same for an object held in memory (one the runner carries), called
  // `name` in messages.
  static std::unique_ptr<LoadedObject> openMemory(const void *data, std::size_t size,
                                                  const std::string &name,
                                                  const std::string &progName);
  ~LoadedObject();
  LoadedObject(const LoadedObject &) = delete;
  LoadedObject &operator=(const LoadedObject &) = delete;

  const std::string &path() const { return path_; }
  const std::string &programName() const { return programName_; }
  const ObjectLayout &layout() const { return layout_; }

  // Maps the object pins by name (LIBBPF_PIN_BY_NAME): left private by
  // default, so that loading it neither reuses nor leaves anything in the
  // host's bpffs; pinned as declared only for a program that runs for real.
  enum class Pins { Private, AsDeclared };

  // Sizes inxpect_stats for the possible CPUs and loads every program.
  // Throws RunError saying what to do (run as root, verifier rejection...).
  // What a load does beyond loading: `pins`; with `explainVerifier`, a
  // program over the verifier's instruction budget is loaded again with the
  // verifier's full log, and the error names the sections that cost it most
  // (from the manifest file `manifest`, which has their source lines;
  // without one, the costliest lines).
  struct LoadChoices {
    Pins pins = Pins::Private;
    bool explainVerifier = false;
    std::optional<std::string> manifest;
  };
  void load(const LoadChoices &choices);
  void load(); // the defaults: maps private, no explanation
  // "NAME at PATH" for each map pinned by a load with Pins::AsDeclared.
  std::vector<std::string> pinnedMaps() const;

  int programFd() const;
  StatsLayout statsLayout() const; // after load
  // The loaded program with its configuration mapped (after load).
  std::unique_ptr<LiveProgram> liveProgram() const;
  // Which counter the probes of an object loaded now read: "kfunc" when the
  // inxpect module's bpf_inxpect_read is in the kernel (libbpf resolves the
  // weak extern to it), else "clock".
  static const char *probeCounter();
  bpf_object *object() const { return obj_; }
  bpf_program *program() const { return prog_; }

private:
  LoadedObject() = default;
  // Takes `obj` (closing it if this throws) and chooses its program.
  static std::unique_ptr<LoadedObject> adopt(bpf_object *obj, const std::string &path,
                                             const std::string &progName);
  void readLayout();

  std::string path_;
  std::string programName_;
  bpf_object *obj_ = nullptr;
  bpf_program *prog_ = nullptr;
  bpf_map *stats_ = nullptr, *runs_ = nullptr, *data_ = nullptr;
  ObjectLayout layout_;
  StatsKind statsKind_ = StatsKind::CpuSlots;
  ConfigLayout config_; // offsets inside .data.inxpect, from the object's BTF
  RunsLayout runsLayout_; // inxpect_runs' value, from the object's BTF
  SlotLayout slot_;
  unsigned ncpus_ = 0;
};

} // namespace inxpect
