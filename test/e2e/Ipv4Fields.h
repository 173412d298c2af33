// Reading and editing the Ethernet + IPv4 + TCP/UDP fields of a test packet,
// and its checksums: what the examples' oracles and packet mixes need.
// Offsets assume an untagged Ethernet header; fields are in host order.
#pragma once

#include <cstddef>
#include <cstdint>

#include "traffic/PacketSet.h"

namespace e2e::ipv4 {

inline constexpr std::size_t kIp = 14; // the IPv4 header, after Ethernet
inline constexpr uint8_t kTcp = 6, kUdp = 17;

uint16_t get16(const inxpect::Packet &p, std::size_t at);
uint32_t get32(const inxpect::Packet &p, std::size_t at);
void set16(inxpect::Packet &p, std::size_t at, uint16_t v);
void set32(inxpect::Packet &p, std::size_t at, uint32_t v);

// EtherType IPv4 and a whole 20-byte header present.
bool isIpv4(const inxpect::Packet &p);
unsigned headerLength(const inxpect::Packet &p); // IHL in bytes
uint8_t protocol(const inxpect::Packet &p);
uint8_t ttl(const inxpect::Packet &p);
uint32_t source(const inxpect::Packet &p);
uint32_t destination(const inxpect::Packet &p);
std::size_t l4Offset(const inxpect::Packet &p); // kIp + IHL
uint16_t sourcePort(const inxpect::Packet &p);
uint16_t destinationPort(const inxpect::Packet &p);

// A TCP or UDP packet whose IPv4 header and whole segment (tot_len) are
// present, so its checksums can be computed.
bool hasWholeSegment(const inxpect::Packet &p);

// Recomputes the IPv4 header checksum and, with a whole TCP or UDP segment,
// the transport checksum.
void refreshChecksums(inxpect::Packet &p);

// The IPv4 header checksum verifies, and so does the transport checksum of a
// whole TCP or UDP segment (a UDP checksum of 0 is "none": valid).
bool checksumsValid(const inxpect::Packet &p);

} // namespace e2e::ipv4
