// A command on a pseudo-terminal of its own (forkpty), as a user at a
// terminal would run it: the test types keys and reads what was drawn.
#pragma once

#include <string>
#include <sys/types.h>

namespace e2e {

class PseudoTerminal {
public:
  // Runs `command` (one command, redirections allowed) through /bin/sh on
  // a new terminal of `rows` x `cols` with TERM=`term`.
  PseudoTerminal(const std::string &command, const std::string &term, int rows = 40,
                 int cols = 160);
  ~PseudoTerminal(); // kills it if still running
  PseudoTerminal(const PseudoTerminal &) = delete;
  PseudoTerminal &operator=(const PseudoTerminal &) = delete;

  void type(const std::string &keys);
  // Waits until what the command wrote contains `text`; false after
  // `seconds` or when it exited without.
  bool waitForOutput(const std::string &text, double seconds);
  // The exit status, or -1 if still running after `seconds` (it is then
  // killed).
  int wait(double seconds);
  // Everything the command wrote to the terminal so far.
  const std::string &output();
  // Whether the terminal is back in the mode a shell gets it in: lines
  // edited by the terminal (canonical) and echoed.
  bool inLineMode() const;

private:
  void readAvailable(int timeoutMs);

  pid_t pid_ = -1;
  int master_ = -1;
  int status_ = -1;
  std::string output_;
};

} // namespace e2e
