#include "PseudoTerminal.h"

#include <chrono>
#include <string>
#include <csignal>
#include <cstdlib>
#include <poll.h>
#include <pty.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

namespace e2e {

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

PseudoTerminal::PseudoTerminal(const std::string &command, const std::string &term, int rows,
                               int cols) {
  winsize size{};
  size.ws_row = static_cast<unsigned short>(rows);
  size.ws_col = static_cast<unsigned short>(cols);
  pid_ = forkpty(&master_, nullptr, nullptr, &size);
  if (pid_ == 0) {
    setenv("TERM", term.c_str(), 1);
    rlimit noCore{0, 0}; // a test that kills it with SIGQUIT wants no core file
    setrlimit(RLIMIT_CORE, &noCore);
    // exec: the command is the terminal's only process, so Ctrl-C reaches
    // it alone and its exit status is the one waited for.
    std::string line = "exec " + command;
    execl("/bin/sh", "sh", "-c", line.c_str(), static_cast<char *>(nullptr));
    _exit(127);
  }
}

PseudoTerminal::~PseudoTerminal() {
  if (pid_ > 0 && status_ < 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (master_ >= 0)
    close(master_);
}

void PseudoTerminal::type(const std::string &keys) {
  for (char key : keys) {
    // One key at a time, as typed: the screen reads them one by one.
    if (write(master_, &key, 1) != 1)
      return;
    usleep(20000);
  }
}

void PseudoTerminal::readAvailable(int timeoutMs) {
  pollfd p{master_, POLLIN, 0};
  while (poll(&p, 1, timeoutMs) > 0) {
    char buf[4096];
    ssize_t n = read(master_, buf, sizeof buf);
    if (n <= 0)
      return; // EIO: the command exited and closed its end
    output_.append(buf, static_cast<std::size_t>(n));
    timeoutMs = 0;
  }
}

bool PseudoTerminal::waitForOutput(const std::string &text, double seconds) {
  auto start = std::chrono::steady_clock::now();
  while (output_.find(text) == std::string::npos) {
    if (secondsSince(start) > seconds || (status_ < 0 && waitpid(pid_, &status_, WNOHANG) > 0)) {
      readAvailable(0);
      return output_.find(text) != std::string::npos;
    }
    readAvailable(50);
  }
  return true;
}

int PseudoTerminal::wait(double seconds) {
  auto start = std::chrono::steady_clock::now();
  while (status_ < 0 && waitpid(pid_, &status_, WNOHANG) == 0) {
    // Read on: a command blocked writing to a full terminal never ends.
    readAvailable(50);
    if (secondsSince(start) > seconds) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status_, 0);
      return -1;
    }
  }
  readAvailable(0);
  return WIFSIGNALED(status_) ? 128 + WTERMSIG(status_) : WEXITSTATUS(status_);
}

const std::string &PseudoTerminal::output() {
  readAvailable(0);
  return output_;
}

bool PseudoTerminal::inLineMode() const {
  termios mode{};
  if (tcgetattr(master_, &mode) != 0)
    return false;
  return (mode.c_lflag & ICANON) && (mode.c_lflag & ECHO);
}

} // namespace e2e
