// One timed BPF_PROG_TEST_RUN: a packet run `repeat` times in the kernel.
#pragma once

#include <cstdint>
#include <vector>

namespace bench {

using Packet = std::vector<uint8_t>;

struct RunTiming {
  double nsPerRun = 0;  // this thread's CPU time in the call / repeat
  uint32_t kernelNs = 0; // the kernel's own figure: whole ns a run, truncated
  uint32_t verdict = 0;  // the last run's return value
};

// Runs `packet` `repeat` times through the XDP program `progFd` on the
// calling CPU. Timed with the thread's CPU clock, which (like the kernel's
// timer) leaves out the time the thread is preempted but keeps fractions of
// a nanosecond; the system call's own cost is a few microseconds over
// millions of runs. Throws std::runtime_error when the kernel refuses.
RunTiming timeTestRun(int progFd, const Packet &packet, uint32_t repeat);

} // namespace bench
