// What the examples need around them in a test: their maps seeded the same
// way in the original and the instrumented build, and packet mixes that take
// each of them down every path (ExampleOracles.h models those paths).
#pragma once

#include <vector>

#include "traffic/PacketSet.h"

struct bpf_object;

namespace e2e {

// router: routerRoutes() into `routes`. Fails the current test on error.
void seedRouter(bpf_object *obj);
// nat: the static mapping of ExampleOracles.h into nat_out and nat_in.
void seedNat(bpf_object *obj);

// PacketMix.h's mix plus IPv4 packets to each route, to no route, with TTL 2.
std::vector<inxpect::Packet> routerPackets();
// PacketMix.h's mix (outbound: new and existing flows) followed by replies to
// the public address: for open flows, for the static mapping, for ports no
// flow holds, and a packet neither from inside nor to the public address.
std::vector<inxpect::Packet> natPackets();

} // namespace e2e
