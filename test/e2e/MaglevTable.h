// Maglev's lookup table (Eisenbud et al., NSDI 2016), as a load balancer's
// control plane builds it: each backend walks its own permutation of the
// slots and claims the next free one in turn, so every backend gets an
// equal share and removing one moves few flows. The e2e load balancer reads
// such tables (programs/loadbalancer.c, seeded by MapSeeds.cpp).
#pragma once

#include <cstdint>
#include <vector>

namespace e2e {

// The table of `size` slots (a prime larger than backends.size()), each
// holding one of `backends`; the same input always gives the same table.
std::vector<uint32_t> maglevTable(const std::vector<uint32_t> &backends, uint32_t size);

} // namespace e2e
