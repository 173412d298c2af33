#include "profile/SessionLock.h"

#include <cerrno>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <sys/file.h>
#include <sys/stat.h>
#include <signal.h>
#include <unistd.h>

#include <bpf/bpf.h>

#include "RunError.h"
#include "profile/StopSignals.h"

namespace inxpect {

namespace {

std::string lockDirectory() {
  const char *dir = std::getenv(SessionLock::kDirectoryVariable);
  return dir && *dir ? dir : SessionLock::kDefaultDirectory;
}

std::string lockPath(const std::string &dir, uint32_t progId) {
  return dir + "/prog-" + std::to_string(progId) + ".lock";
}

std::string readHolder(int fd) {
  char buf[32] = {};
  ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
  std::string pid = n > 0 ? std::string(buf, n) : "";
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' '))
    pid.pop_back();
  return pid.empty() ? "unknown" : pid;
}

// Whether `fd` is still the file at `path`: a session ending removes it
// while it holds the lock, and the file locked then is no one's.
bool stillLinked(int fd, const std::string &path) {
  struct stat held {}, named {};
  return ::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 &&
         held.st_ino == named.st_ino && held.st_dev == named.st_dev;
}

// Removes the files of sessions killed with their programs gone (a killed
// run or replay takes its program with it): nobody holds them, and no
// session will ask for that id again.
void sweepStale(const std::string &dir) {
  DIR *d = ::opendir(dir.c_str());
  if (!d)
    return;
  while (dirent *e = ::readdir(d)) {
    unsigned long id;
    char tail;
    if (std::sscanf(e->d_name, "prog-%lu.lock%c", &id, &tail) != 1)
      continue;
    int prog = bpf_prog_get_fd_by_id(static_cast<uint32_t>(id));
    if (prog >= 0 || errno != ENOENT) {
      if (prog >= 0)
        ::close(prog);
      continue;
    }
    std::string path = dir + "/" + e->d_name;
    int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0)
      continue;
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && stillLinked(fd, path))
      ::unlink(path.c_str());
    ::close(fd);
  }
  ::closedir(d);
}

} // namespace

SessionLock::SessionLock(uint32_t progId, const std::string &label) {
  std::string dir = lockDirectory();
  std::error_code failed;
  std::filesystem::create_directories(dir, failed); // a minimal system may lack /run
  if (failed)
    throw RunError("cannot create " + dir + " for the session lock: " + failed.message());
  sweepStale(dir);
  std::string path = lockPath(dir, progId);
  if (path.size() >= sizeof path_)
    throw RunError("the session lock's path is too long: " + path);
  // A session just killed holds it until its guard has put the
  // configuration back: a moment, not a second.
  for (int tries = 0;; ++tries) {
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
      throw RunError("cannot open the session lock " + path + ": " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) {
      if (stillLinked(fd_, path))
        break;
    } else if (errno != EWOULDBLOCK || tries >= 20 || sleepUnlessStopped(0.05)) {
      std::string holder = readHolder(fd_);
      ::close(fd_);
      fd_ = -1;
      throw RunError(label + " is being profiled by another inxpect-run session (pid " + holder +
                     "): two sessions would overwrite each other's configuration and counters; "
                     "stop that one first");
    }
    ::close(fd_);
  }
  std::memcpy(path_, path.c_str(), path.size() + 1);
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
    // The lock holds without the pid; only the message would lack it.
  }
}

void SessionLock::release() {
  if (fd_ < 0)
    return;
  ::unlink(path_);
  ::close(fd_);
  fd_ = -1;
}

std::optional<pid_t> profilingSession(uint32_t progId) {
  int fd = ::open(lockPath(lockDirectory(), progId).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return std::nullopt;
  // A shared lock is granted only when no session holds the exclusive one;
  // a session starting meanwhile retries (SessionLock waits up to a second).
  bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  std::string holder = held ? readHolder(fd) : "";
  ::close(fd);
  if (!held)
    return std::nullopt;
  char *end = nullptr;
  long pid = std::strtol(holder.c_str(), &end, 10);
  if (end == holder.c_str() || *end || pid <= 0)
    return 0;
  if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
    return std::nullopt;
  return static_cast<pid_t>(pid);
}

} // namespace inxpect
