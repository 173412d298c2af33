// A command started in the background, its stdout and stderr in files, so a
// test can signal it (SIGINT, SIGKILL) and read what it printed so far.
#pragma once

#include <string>
#include <sys/types.h>

namespace e2e {

class Subprocess {
public:
  // Runs `command` through /bin/sh; output goes to `outFile` and `errFile`.
  Subprocess(const std::string &command, const std::string &outFile, const std::string &errFile);
  ~Subprocess(); // kills it if still running
  Subprocess(const Subprocess &) = delete;
  Subprocess &operator=(const Subprocess &) = delete;

  // Waits until stderr contains `text`; false after `seconds` or if it exited.
  bool waitForStderr(const std::string &text, double seconds);
  void signal(int sig);
  // The exit status, or -1 if still running after `seconds` (it is then
  // killed); 128 + n when killed by signal n.
  int wait(double seconds);
  std::string stdoutText() const;
  pid_t pid() const { return pid_; } // the command's own: the shell execs it
  std::string stderrText() const;

private:
  pid_t pid_ = -1;
  int status_ = -1;
  std::string out_, err_;
};

} // namespace e2e
