// What the benchmarks feed the examples: one packet that takes every
// example's main path, the verdict that proves it did, and the map contents
// the examples need (examples/*.c say what user space fills in).
#pragma once

#include <cstdint>
#include <string>

#include "TestRun.h"

struct bpf_object;

namespace bench {

// A 64-byte TCP segment (ACK, no payload) from 10.0.0.2:40000 to
// 198.51.100.7:443, TTL 64, valid checksums: dropped by drop, counted by
// cms, translated by nat (an established flow after the first run), routed
// by router (a /24 of its table), encapsulated by tunnel (198.51.100.0/25).
Packet mainPathPacket();
const char *mainPathPacketDescription();

// The verdict of the main path of examples/NAME.c (XDP_DROP, XDP_TX...);
// throws std::runtime_error for an unknown example.
uint32_t mainPathVerdict(const std::string &example);

// Fills the maps a loaded copy of examples/NAME.c needs: router's table gets
// a default route, 10.0.0.0/8 and the 1024 /24s of 198.48.0.0/14. Nothing
// for the others (nat opens its flow on the first packet).
void seedExampleMaps(const std::string &example, bpf_object *obj);
const char *exampleMapsDescription(const std::string &example);

} // namespace bench
