#include "views/TerminalRescue.h"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <unistd.h>

namespace inxpect {

namespace {

const int kFatalSignals[] = {SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL};

// What the handler needs, set before it is installed: it may only make
// async-signal-safe calls (tcsetattr, write, sigaction, raise).
termios gLineMode;
char gLeave[256];
std::size_t gLeaveLength = 0;
struct sigaction gPrevious[sizeof kFatalSignals / sizeof kFatalSignals[0]];
volatile std::sig_atomic_t gArmed = 0;

void rescue(int sig) {
  if (gArmed) {
    gArmed = 0;
    tcsetattr(STDIN_FILENO, TCSANOW, &gLineMode);
    ssize_t ignored = write(STDOUT_FILENO, gLeave, gLeaveLength);
    (void)ignored;
  }
  for (std::size_t i = 0; i < sizeof kFatalSignals / sizeof kFatalSignals[0]; ++i)
    if (kFatalSignals[i] == sig)
      sigaction(sig, &gPrevious[i], nullptr);
  raise(sig);
}

} // namespace

void armTerminalRescue(const termios &lineMode, const std::string &leaveScreen) {
  gLineMode = lineMode;
  gLeaveLength = std::min(leaveScreen.size(), sizeof gLeave);
  std::memcpy(gLeave, leaveScreen.data(), gLeaveLength);
  struct sigaction sa {};
  sa.sa_handler = rescue;
  sigemptyset(&sa.sa_mask);
  for (std::size_t i = 0; i < sizeof kFatalSignals / sizeof kFatalSignals[0]; ++i)
    sigaction(kFatalSignals[i], &sa, &gPrevious[i]);
  gArmed = 1;
}

void disarmTerminalRescue() {
  if (!gArmed)
    return;
  gArmed = 0;
  for (std::size_t i = 0; i < sizeof kFatalSignals / sizeof kFatalSignals[0]; ++i)
    sigaction(kFatalSignals[i], &gPrevious[i], nullptr);
}

} // namespace inxpect
