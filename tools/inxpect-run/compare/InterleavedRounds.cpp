#include "compare/InterleavedRounds.h"

namespace inxpect {

std::string roundOrder(unsigned rounds) {
  std::string order;
  for (unsigned r = 0; r < rounds; ++r)
    order += r % 2 ? "BA" : "AB";
  return order;
}

namespace {

void addTally(VerdictTally &into, const VerdictTally &more) {
  for (unsigned a = 0; a < kXdpActions; ++a)
    into.byAction[a] += more.byAction[a];
  into.other += more.other;
}

} // namespace

std::vector<ContenderRounds> interleavedRounds(const Contender &a, const Contender &b,
                                               const std::vector<Packet> &packets, unsigned passes,
                                               unsigned rounds) {
  std::vector<ContenderRounds> out(2);
  Snapshot baseline[2] = {a.stats->snapshot(), b.stats->snapshot()};
  for (char which : roundOrder(rounds)) {
    const Contender &c = which == 'A' ? a : b;
    ContenderRounds &r = out[which == 'A' ? 0 : 1];
    Snapshot before = c.stats->snapshot();
    addTally(r.verdicts, replayPackets(c.programFd, packets, passes));
    r.rounds.push_back(difference(c.stats->snapshot(), before));
  }
  out[0].total = difference(a.stats->snapshot(), baseline[0]);
  out[1].total = difference(b.stats->snapshot(), baseline[1]);
  return out;
}

} // namespace inxpect
