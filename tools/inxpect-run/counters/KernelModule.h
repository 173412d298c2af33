// The inxpect kernel module as the runner sees it: which events it offers and
// in what state (/sys/kernel/inxpect/events), and arming them (/dev/inxpect).
// The formats are the module's (runtime/kmod/inxpect_sysfs.c,
// inxpect_control.c), documented in docs/kernel-module.md.
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
  static constexpr const char *kDevice = "/dev/inxpect";

  // The module whose events file is in `dir` and whose arming device is
  // `device`, or nothing when it is not loaded.
  static std::optional<KernelModule> find(const std::string &dir = kControlDir,
                                          const std::string &device = kDevice);

  std::vector<ModuleEvent> events() const;
  // Arms `names` for this process and returns the events as the module
  // reports them afterwards; a name it could not arm shows as "unavailable"
  // with the reason. The device stays open until the process exits (or arms
  // again): the kernel closes it even when the runner is killed, and the
  // module then releases the counters. Throws RunError when the device
  // cannot be opened or written at all.
  std::vector<ModuleEvent> arm(const std::vector<std::string> &names) const;

private:
  KernelModule(std::string dir, std::string device)
      : dir_(std::move(dir)), device_(std::move(device)) {}
  std::string dir_;
  std::string device_;
};

} // namespace inxpect
