// The rounds of a comparison, interleaved A B B A A B B A ...: each build
// runs first in every other pair, so a drift of the machine (frequency,
// cache, a neighbour's load) weighs on both alike.
#pragma once

#include <string>
#include <vector>

#include "profile/StatsReader.h"
#include "traffic/PacketSet.h"
#include "traffic/Replay.h"

namespace inxpect {

// A loaded build as the rounds use it: its entry program and its statistics.
struct Contender {
  int programFd = -1;
  const StatsReader *stats = nullptr;
};

// What one build gained in each of its rounds, and the verdicts of all.
struct ContenderRounds {
  std::vector<Snapshot> rounds;
  Snapshot total; // every round together
  VerdictTally verdicts;
};

// The order of `rounds` rounds of each build: "ABBAAB..." (2 x rounds letters).
std::string roundOrder(unsigned rounds);

// Runs `rounds` rounds of each build in roundOrder, a round being `passes`
// passes over `packets`; returns A's and B's. Throws RunError.
std::vector<ContenderRounds> interleavedRounds(const Contender &a, const Contender &b,
                                               const std::vector<Packet> &packets, unsigned passes,
                                               unsigned rounds);

} // namespace inxpect
