#include "TestRun.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <stdexcept>
#include <string>

#include <bpf/bpf.h>

namespace bench {

namespace {

double threadCpuNs() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

} // namespace

RunTiming timeTestRun(int progFd, const Packet &packet, uint32_t repeat) {
  // Room for a packet grown into its headroom; the output is not looked at.
  static thread_local Packet out(2 * 4096);
  bpf_test_run_opts opts = {};
  opts.sz = sizeof opts;
  opts.data_in = packet.data();
  opts.data_size_in = packet.size();
  opts.data_out = out.data();
  opts.data_size_out = out.size();
  opts.repeat = repeat;
  double before = threadCpuNs();
  if (bpf_prog_test_run_opts(progFd, &opts) != 0)
    throw std::runtime_error(std::string("BPF_PROG_TEST_RUN failed: ") + std::strerror(errno));
  double after = threadCpuNs();
  RunTiming t;
  t.nsPerRun = (after - before) / repeat;
  t.kernelNs = opts.duration;
  t.verdict = opts.retval;
  return t;
}

} // namespace bench
