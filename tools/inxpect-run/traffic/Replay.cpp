#include "traffic/Replay.h"

#include <cerrno>
#include <cstring>
#include <string>

#include <bpf/bpf.h>

#include "RunError.h"

namespace inxpect {

const char *xdpActionName(unsigned action) {
  static const char *const kNames[kXdpActions] = {"XDP_ABORTED", "XDP_DROP", "XDP_PASS",
                                                  "XDP_TX", "XDP_REDIRECT"};
  return action < kXdpActions ? kNames[action] : "unknown";
}

uint64_t VerdictTally::total() const {
  uint64_t t = other;
  for (uint64_t n : byAction)
    t += n;
  return t;
}

namespace {

// Room for a packet grown into its headroom (bpf_xdp_adjust_head) and more:
// too small a buffer makes the kernel fail the run with ENOSPC.
constexpr std::size_t kOutputRoom = 2 * 4096;

// One BPF_PROG_TEST_RUN of one packet; returns the verdict, `out` is resized
// to the output packet.
uint32_t runOnce(int progFd, const Packet &packet, std::size_t index, Packet &out) {
  out.resize(kOutputRoom);
  bpf_test_run_opts opts = {};
  opts.sz = sizeof opts;
  opts.data_in = packet.data();
  opts.data_size_in = packet.size();
  opts.data_out = out.data();
  opts.data_size_out = out.size();
  opts.repeat = 1;
  if (bpf_prog_test_run_opts(progFd, &opts) != 0)
    throw RunError("BPF_PROG_TEST_RUN failed on packet " + std::to_string(index + 1) + " (" +
                   std::to_string(packet.size()) + " bytes): " + std::strerror(errno));
  out.resize(opts.data_size_out);
  return opts.retval;
}

} // namespace

VerdictTally replayPackets(int progFd, const std::vector<Packet> &packets, unsigned passes) {
  VerdictTally tally;
  Packet out;
  for (unsigned pass = 0; pass < passes; ++pass)
    for (std::size_t i = 0; i < packets.size(); ++i) {
      uint32_t verdict = runOnce(progFd, packets[i], i, out);
      if (verdict < kXdpActions)
        ++tally.byAction[verdict];
      else
        ++tally.other;
    }
  return tally;
}

std::vector<PacketOutcome> runEachPacket(int progFd, const std::vector<Packet> &packets) {
  std::vector<PacketOutcome> outcomes(packets.size());
  for (std::size_t i = 0; i < packets.size(); ++i)
    outcomes[i].verdict = runOnce(progFd, packets[i], i, outcomes[i].output);
  return outcomes;
}

} // namespace inxpect
