// Generated traffic for replay without a capture: the same frames every time
// for a given seed, so profiles of two builds compare packet for packet.
#pragma once

#include <cstddef>
#include <cstdint>

#include "traffic/PacketSet.h"

namespace inxpect {

inline constexpr uint64_t kSyntheticSeed = 0x696e787065637421; // "inxpect!"
inline constexpr std::size_t kSyntheticFlows = 512;
inline constexpr std::size_t kSyntheticMinFrame = 64;
inline constexpr std::size_t kSyntheticMaxFrame = 1500;

// N Ethernet frames, 64 to 1500 bytes, valid headers and checksums: about
// 5% ARP, the rest IPv4 (70%) and IPv6 (30%) flows of TCP (60%), UDP (30%)
// and ICMP/ICMPv6 echo (10%), a few flows carrying most packets.
PacketSet syntheticTraffic(std::size_t n, uint64_t seed = kSyntheticSeed);

} // namespace inxpect
