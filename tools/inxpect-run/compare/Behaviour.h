// Whether two builds of a program behave alike: the same packets through
// each, packet by packet, compared on their verdict and output bytes.
#pragma once

#include <vector>

#include "compare/Comparison.h"
#include "traffic/Replay.h"

namespace inxpect {

// Fills `into`'s packets, otherVerdict, otherBytes and first from the
// outcomes of the same packets, in the same order, through A and B.
void compareOutcomes(const std::vector<PacketOutcome> &a, const std::vector<PacketOutcome> &b,
                     BehaviourComparison &into);

} // namespace inxpect
