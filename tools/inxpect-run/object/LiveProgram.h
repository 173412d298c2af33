// An instrumented program in the kernel, seen through its maps: what every
// command profiles (replay and run after loading it, attach someone else's).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "object/ProgramConfig.h"
#include "object/StatsLayout.h"

namespace inxpect {

class LiveProgram {
public:
  // Takes ownership of `progFd`. Finds inxpect_stats, inxpect_runs and
  // .data.inxpect among the program's maps (ProgramLookup), reads their
  // layout from the program's BTF (BtfLayout), tells the stats layout
  // (StatsLayout) and maps the configuration (ProgramConfig). Throws
  // RunError. `knownKind`: the stats layout, when the caller loaded the
  // object (on a one-CPU machine the default layout, sized by the runner,
  // looks like the global one).
  static std::unique_ptr<LiveProgram> fromProgramFd(int progFd,
                                                    std::optional<StatsKind> knownKind = {});
  ~LiveProgram();
  LiveProgram(const LiveProgram &) = delete;
  LiveProgram &operator=(const LiveProgram &) = delete;

  int programFd() const { return progFd_; }
  // Closes the program's descriptor and keeps its maps: watching someone
  // else's program must not keep it loaded once its loader unloads it.
  void releaseProgram();
  // Whether the kernel still has the program (by its id).
  bool stillLoaded() const;
  uint32_t id() const { return id_; }
  const std::string &name() const { return name_; } // as the kernel keeps it (15 chars)
  // "program NAME (id ID)": how messages name it.
  std::string label() const;
  const StatsLayout &statsLayout() const { return stats_; }
  unsigned nsections() const { return config_->layout().nsections; }
  unsigned maxEvents() const { return stats_.nevents; }
  ProgramConfig &config() { return *config_; }
  const ProgramConfig &config() const { return *config_; }

private:
  LiveProgram() = default;
  int progFd_ = -1, dataFd_ = -1;
  uint32_t id_ = 0;
  std::string name_;
  StatsLayout stats_;
  std::unique_ptr<ProgramConfig> config_;
};

} // namespace inxpect
