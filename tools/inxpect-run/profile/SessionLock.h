// One session a program: two sessions on one program would overwrite each
// other's configuration and read each other's counters. A session holds an
// exclusive flock on $INXPECT_LOCK_DIR/prog-ID.lock (default /run/inxpect),
// which holds its pid; the kernel drops the lock when the session's process
// ends, however it ends, so a killed session never leaves one held. The
// file goes with the session: removed while locked, and a session that
// locked a file removed meanwhile tries again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <sys/types.h>

namespace inxpect {

class SessionLock {
public:
  static constexpr const char *kDirectoryVariable = "INXPECT_LOCK_DIR";
  static constexpr const char *kDefaultDirectory = "/run/inxpect";

  // Takes the lock for program `progId` (`label` names it in messages),
  // waiting up to a second for a session that is just ending. Throws
  // RunError naming the other session's pid.
  SessionLock(uint32_t progId, const std::string &label);
  ~SessionLock() { release(); }
  SessionLock(const SessionLock &) = delete;
  SessionLock &operator=(const SessionLock &) = delete;

  // Removes the file and lets the lock go; plain system calls, for a
  // forked child too (profile/DefaultsOnExit). Once only.
  void release();
  int fd() const { return fd_; }

private:
  int fd_ = -1;
  char path_[128] = {};
};

// The pid of the session profiling program `progId`, if one is: its lock
// is held and the pid in it alive (a killed session's guard holds the lock
// a moment longer, putting the configuration back: no session then). 0: the
// lock is held by a session that has not written its pid yet. Reads only;
// for inxpect-run list.
std::optional<pid_t> profilingSession(uint32_t progId);

} // namespace inxpect
