// The configuration of a loaded instrumented program: its .data.inxpect map,
// mapped read-write. The one writer of the configuration: a command sets it
// after load and before traffic, and live, so events, rates and sections
// change without a reload.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "counters/CounterSource.h"
#include "object/BtfLayout.h"

namespace inxpect {

class ProgramConfig {
public:
  // Maps the .data.inxpect map `fd` (not owned) of `valueSize` bytes.
  // Throws RunError.
  ProgramConfig(int fd, std::size_t valueSize, const ConfigLayout &layout, const std::string &what);
  ~ProgramConfig();
  ProgramConfig(const ProgramConfig &) = delete;
  ProgramConfig &operator=(const ProgramConfig &) = delete;

  const ConfigLayout &layout() const { return layout_; }
  uint64_t manifestHash() const;
  std::string selfDescription() const; // inxpect_self, up to its NUL

  void setEnabled(bool enabled);
  // 0 turns the event off. Probes pick up the new value on the next run.
  void setSampleEvery(unsigned event, uint32_t every);
  void setCounter(unsigned event, uint32_t counter);
  // What the probes add to a reading of `event` (its own, each section
  // inside), in its unit: taken out before the reading is binned. Nothing
  // for an object without histograms.
  void setProbeCost(unsigned event, double own, double nested);
  void setSectionOn(unsigned id, bool on);
  bool sectionOn(unsigned id) const;

  // Profiling on with exactly `events` measured (their counters and rates,
  // every other slot off, no probe cost set) and the sections switched as
  // `sectionOn` says.
  void configure(const std::vector<EventInfo> &events, const std::vector<bool> &sectionOn);

  // What the object starts with (inxpect.h's initialiser): on, event 0 on
  // the default counter every run, no probe cost, every section on. Plain
  // stores only: a forked child may call it (profile/DefaultsOnExit).
  void resetToDefaults();

private:
  void storeU32(std::size_t offset, uint32_t value);

  unsigned char *mem_ = nullptr;
  std::size_t mappedSize_ = 0, valueSize_ = 0;
  ConfigLayout layout_;
};

} // namespace inxpect
