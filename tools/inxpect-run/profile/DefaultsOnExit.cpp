#include "profile/DefaultsOnExit.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "RunError.h"

namespace inxpect {

namespace {

// The child: deaf to the signals that stop a session (Ctrl-C reaches the
// whole process group), it waits for the session's end of the pipe to
// close. A goodbye byte first means the session put the defaults back.
[[noreturn]] void waitForSession(int readEnd, ProgramConfig &config, SessionLock &lock) {
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE})
    std::signal(sig, SIG_IGN);
  // Nothing else of the session's: the program's fd would keep a program
  // its loader unloads alive, and a pipe's end would keep a reader waiting.
  // The configuration's mapping holds its map without a descriptor.
  struct rlimit files {};
  int maxFd = ::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < 65536
                  ? int(files.rlim_cur) : 65536;
  for (int fd = 0; fd < maxFd; ++fd)
    if (fd != readEnd && fd != lock.fd())
      ::close(fd);
  char byte;
  ssize_t n;
  while ((n = ::read(readEnd, &byte, 1)) < 0 && errno == EINTR) {
  }
  if (n <= 0) {
    config.resetToDefaults();
    lock.release();
  }
  ::_exit(0);
}

} // namespace

DefaultsOnExit::DefaultsOnExit(ProgramConfig &config, SessionLock &lock) : config_(config) {
  int ends[2];
  if (::pipe2(ends, O_CLOEXEC) != 0)
    throw RunError(std::string("cannot create the pipe to the configuration's guard: ") +
                   std::strerror(errno));
  child_ = ::fork();
  if (child_ < 0) {
    ::close(ends[0]);
    ::close(ends[1]);
    throw RunError(std::string("cannot start the configuration's guard: ") +
                   std::strerror(errno));
  }
  if (child_ == 0) {
    ::close(ends[1]);
    waitForSession(ends[0], config, lock);
  }
  ::close(ends[0]);
  pipe_ = ends[1];
}

DefaultsOnExit::~DefaultsOnExit() {
  config_.resetToDefaults();
  char goodbye = 1;
  if (::write(pipe_, &goodbye, 1) != 1) {
    // The child then finds end of file and puts the defaults back again.
  }
  ::close(pipe_);
  while (::waitpid(child_, nullptr, 0) < 0 && errno == EINTR) {
  }
}

} // namespace inxpect
