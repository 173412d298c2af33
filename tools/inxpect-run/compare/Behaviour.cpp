#include "compare/Behaviour.h"

#include <algorithm>

namespace inxpect {

void compareOutcomes(const std::vector<PacketOutcome> &a, const std::vector<PacketOutcome> &b,
                     BehaviourComparison &into) {
  into.packets = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < into.packets; ++i) {
    bool otherVerdict = a[i].verdict != b[i].verdict;
    if (!otherVerdict && a[i].output == b[i].output)
      continue;
    ++(otherVerdict ? into.otherVerdict : into.otherBytes);
    if (!into.first)
      into.first = PacketDifference{i + 1, a[i].verdict, b[i].verdict};
  }
}

} // namespace inxpect
