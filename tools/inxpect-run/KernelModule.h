// The inxpect kernel module's control files (/sys/kernel/inxpect/), as the
// runner sees them: which events it offers, which are armed, and arming them.
// The format is the module's (runtime/kmod/inxpect_sysfs.c), documented in
// docs/kernel-module.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace inxpect {

// One line of /sys/kernel/inxpect/events: "SLOT NAME VIA STATE[: REASON]".
struct ModuleEvent {
  unsigned slot = 0;   // the bpf_inxpect_read() argument that reads it
  std::string name;    // "tsc", "cycles", ...
  std::string via;     // "rdtsc" or "rdpmc"
  std::string state;   // "armed", "off" or "unavailable"
  std::string reason;  // why it is unavailable, a sentence from the module
};

// Parses the events file; lines that do not follow the format are skipped.
std::vector<ModuleEvent> parseModuleEvents(const std::string &text);

class KernelModule {
public:
  static constexpr const char *kControlDir = "/sys/kernel/inxpect";

  // The module whose control files are in `dir`, or nothing when it is not loaded.
  static std::optional<KernelModule> find(const std::string &dir = kControlDir);

  std::vector<ModuleEvent> events() const;
  // Arms exactly `names` (every other event is released) and returns the
  // events as the module reports them afterwards. A name the module could
  // not arm shows as "unavailable" with its reason; throws RunError only
  // when the control file cannot be written at all.
  std::vector<ModuleEvent> arm(const std::vector<std::string> &names) const;

  const std::string &dir() const { return dir_; }

private:
  explicit KernelModule(std::string dir) : dir_(std::move(dir)) {}
  std::string dir_;
};

} // namespace inxpect
