#include "profile/StopSignals.h"

#include <csignal>
#include <ctime>

namespace inxpect {

namespace {

volatile std::sig_atomic_t gStop = 0;

void onStop(int) { gStop = 1; }

} // namespace

void installStopHandlers() {
  struct sigaction sa {};
  sa.sa_handler = onStop;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
}

bool stopRequested() { return gStop != 0; }

bool sleepUnlessStopped(double seconds) {
  // Short naps: a signal during nanosleep ends it early anyway, but one that
  // arrives just before it would otherwise be noticed a whole interval late.
  const double tick = 0.05;
  double left = seconds;
  while (left > 0 && !gStop) {
    double nap = left < tick ? left : tick;
    timespec ts{static_cast<time_t>(nap), static_cast<long>((nap - static_cast<time_t>(nap)) * 1e9)};
    nanosleep(&ts, nullptr);
    left -= nap;
  }
  return gStop != 0;
}

} // namespace inxpect
