// Puts an attached program's configuration back to the object's defaults
// (every section on, every run, the default counter) when the session ends,
// however it ends: on the way out, and, should the session be killed
// (SIGKILL, the OOM killer), from a small child process that waits for
// it. The program belongs to someone else and runs on after the session.
#pragma once

#include <sys/types.h>

#include "object/ProgramConfig.h"
#include "profile/SessionLock.h"

namespace inxpect {

class DefaultsOnExit {
public:
  // Forks the child; it keeps `config`'s mapping and `lock` (the session
  // lock, released only after the defaults are back). Throws RunError.
  DefaultsOnExit(ProgramConfig &config, SessionLock &lock);
  // Puts the defaults back, then lets the child go without its doing so.
  ~DefaultsOnExit();
  DefaultsOnExit(const DefaultsOnExit &) = delete;
  DefaultsOnExit &operator=(const DefaultsOnExit &) = delete;

private:
  ProgramConfig &config_;
  int pipe_ = -1; // our end: a byte says goodbye; end of file, that we died
  pid_t child_ = -1;
};

} // namespace inxpect
