// Packets to replay, and the sizes BPF_PROG_TEST_RUN accepts for XDP.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace inxpect {

using Packet = std::vector<uint8_t>;

// The kernel refuses XDP test input shorter than an Ethernet header. Input
// longer than a page minus XDP headroom (256) and the aligned skb_shared_info
// (320), 4096 - 256 - 320, no longer fits the linear buffer: the kernel puts
// the rest in fragments, which a program not built for xdp.frags would never
// receive from a NIC; such packets are skipped rather than half-measured.
inline constexpr std::size_t kMinXdpPacket = 14;
inline constexpr std::size_t kMaxXdpPacket = 3520;

struct PacketSet {
  std::vector<Packet> packets;
  std::size_t tooShort = 0;  // skipped: under kMinXdpPacket
  std::size_t tooLong = 0;   // skipped: over kMaxXdpPacket
  std::size_t truncated = 0; // captured with fewer bytes than on the wire (kept)
};

// Adds a packet, or counts it as skipped when the kernel would refuse it.
void addPacket(PacketSet &set, Packet packet);

// One warning line for skipped or truncated packets, "" when there are none.
std::string skippedWarning(const PacketSet &set);

} // namespace inxpect
