// An instrumented program in the kernel, seen through its maps: what `run`
// (after loading it) and `attach` (someone else's program) both profile.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "object/LiveConfig.h"
#include "object/LoadedObject.h"

namespace inxpect {

class LiveProgram {
public:
  // Takes ownership of `progFd`. Finds inxpect_stats, inxpect_runs and
  // .data.inxpect among the program's maps and reads their layout from the
  // program's BTF. Throws RunError; a program without them is "not
  // instrumented", and the message says how to instrument it. `knownKind`:
  // the stats layout, when the caller loaded the object (on a one-CPU
  // machine the default layout, sized by the runner, looks like the global one).
  static std::unique_ptr<LiveProgram> fromProgramFd(int progFd,
                                                    std::optional<StatsKind> knownKind = {});
  ~LiveProgram();
  LiveProgram(const LiveProgram &) = delete;
  LiveProgram &operator=(const LiveProgram &) = delete;

  int programFd() const { return progFd_; }
  uint32_t id() const { return id_; }
  const std::string &name() const { return name_; } // as the kernel keeps it (15 chars)
  const StatsLayout &statsLayout() const { return stats_; }
  unsigned nsections() const { return config_->layout().nsections; }
  unsigned maxEvents() const { return stats_.nevents; }
  LiveConfig &config() { return *config_; }
  const LiveConfig &config() const { return *config_; }

private:
  LiveProgram() = default;
  int progFd_ = -1, dataFd_ = -1;
  uint32_t id_ = 0;
  std::string name_;
  StatsLayout stats_;
  std::unique_ptr<LiveConfig> config_;
};

} // namespace inxpect
