#include "PacketMix.h"

#include <initializer_list>

#include "traffic/SyntheticTraffic.h"

namespace e2e {

namespace {

constexpr size_t kEth = 14;

bool isIpv4(const inxpect::Packet &p) { return p.size() > kEth + 20 && p[12] == 0x08 && p[13] == 0x00; }
bool isIpv6(const inxpect::Packet &p) { return p.size() > kEth + 40 && p[12] == 0x86 && p[13] == 0xdd; }

// Offset of the layer-4 header, or 0 when there is none to edit.
size_t l4Offset(const inxpect::Packet &p, uint8_t proto) {
  if (isIpv4(p) && p[kEth + 9] == proto)
    return kEth + (p[kEth] & 0x0f) * 4;
  if (isIpv6(p) && p[kEth + 6] == proto)
    return kEth + 40;
  return 0;
}

// The same packet with `bytes` inserted at `at`.
inxpect::Packet inserted(const inxpect::Packet &p, size_t at, std::initializer_list<uint8_t> bytes) {
  inxpect::Packet q(p.begin(), p.begin() + at);
  q.insert(q.end(), bytes);
  q.insert(q.end(), p.begin() + at, p.end());
  return q;
}

void add16(inxpect::Packet &p, size_t at, unsigned delta) {
  unsigned v = ((p[at] << 8) | p[at + 1]) + delta;
  p[at] = (v >> 8) & 0xff;
  p[at + 1] = v & 0xff;
}

// The headers the realistic parsers walk, which the synthetic traffic does
// not carry: VLAN tags, IPv4 options, IPv6 extension headers, TCP options.
void addHeaderVariants(const inxpect::Packet &p, std::vector<inxpect::Packet> &mix) {
  // One 802.1Q tag, and an 802.1ad tag over an 802.1Q one.
  mix.push_back(inserted(p, 12, {0x81, 0x00, 0x00, 0x64}));
  mix.push_back(inserted(p, 12, {0x88, 0xa8, 0x00, 0x0a, 0x81, 0x00, 0x00, 0x64}));
  if (isIpv4(p)) {
    // Router alert and two NOPs: 8 bytes of options.
    inxpect::Packet q = inserted(p, kEth + 20, {0x94, 0x04, 0x00, 0x00, 0x01, 0x01, 0x00, 0x00});
    q[kEth] = 0x47;
    add16(q, kEth + 2, 8);
    mix.push_back(q);
  }
  if (isIpv6(p)) {
    // Hop-by-hop (8 bytes of padding) then a fragment header, before the
    // original next header.
    uint8_t next = p[kEth + 6];
    inxpect::Packet q = inserted(p, kEth + 40, {44, 0, 1, 4, 0, 0, 0, 0,       // hop-by-hop, PadN
                                                next, 0, 0, 0, 0, 0, 0, 42}); // fragment 0, M=0
    q[kEth + 6] = 0; // hop-by-hop first
    add16(q, kEth + 4, 16);
    mix.push_back(q);
  }
  if (size_t tcp = l4Offset(p, 6); tcp && tcp + 20 <= p.size()) {
    // MSS 1460, SACK permitted, NOP, window scale 7, NOP, NOP, timestamps:
    // 20 bytes, data offset 10.
    inxpect::Packet q = inserted(p, tcp + 20, {2, 4, 0x05, 0xb4, 4, 2, 1, 3, 3, 7, 1, 1,
                                               8, 10, 0, 0, 0, 1, 0, 0});
    q[tcp + 12] = 0xa0 | (q[tcp + 12] & 0x0f);
    add16(q, isIpv4(p) ? kEth + 2 : kEth + 4, 20);
    mix.push_back(q);
  }
}

} // namespace

std::vector<inxpect::Packet> packetMix() {
  std::vector<inxpect::Packet> mix = inxpect::syntheticTraffic(1500).packets;
  const size_t base = mix.size();
  for (size_t i = 0; i < base; i += 7) {
    inxpect::Packet p = mix[i];
    // Cut at every header boundary an XDP parser checks.
    for (size_t cut : {kEth, kEth + 3, kEth + 19, kEth + 21, kEth + 39, kEth + 41, kEth + 60})
      if (cut < p.size())
        mix.emplace_back(p.begin(), p.begin() + cut);
    addHeaderVariants(p, mix);
    if (isIpv4(p)) {
      inxpect::Packet ttl = p;
      ttl[kEth + 8] = 1;
      mix.push_back(ttl);
    }
    if (isIpv6(p)) {
      inxpect::Packet hop = p;
      hop[kEth + 7] = 1;
      mix.push_back(hop);
    }
    if (size_t tcp = l4Offset(p, 6); tcp && tcp + 4 <= p.size()) {
      for (uint16_t port : {23, 0}) {
        inxpect::Packet q = p;
        q[tcp + 2] = port >> 8;
        q[tcp + 3] = port & 0xff;
        mix.push_back(q);
      }
    }
  }
  return mix;
}

} // namespace e2e
