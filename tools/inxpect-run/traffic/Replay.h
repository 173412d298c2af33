// Runs packets through a loaded XDP program with BPF_PROG_TEST_RUN.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "traffic/PacketSet.h"

namespace inxpect {

// XDP_ABORTED .. XDP_REDIRECT, in the kernel's order (0..4).
inline constexpr unsigned kXdpActions = 5;
const char *xdpActionName(unsigned action); // "XDP_PASS"; "unknown" past XDP_REDIRECT

struct VerdictTally {
  std::array<uint64_t, kXdpActions> byAction{}; // indexed by the XDP action
  uint64_t other = 0;                           // return values that are no XDP action
  uint64_t total() const;
};

// Runs every packet once, `passes` times over, and tallies the verdicts.
// Throws RunError naming the packet the kernel refused.
VerdictTally replayPackets(int progFd, const std::vector<Packet> &packets, unsigned passes);

struct PacketOutcome {
  uint32_t verdict = 0; // the program's return value
  Packet output;        // the packet as the program left it
};

// Runs every packet once and keeps each verdict and output, to compare two
// builds of a program (original and instrumented) packet by packet.
std::vector<PacketOutcome> runEachPacket(int progFd, const std::vector<Packet> &packets);

} // namespace inxpect
