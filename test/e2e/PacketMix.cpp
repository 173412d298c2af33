#include "PacketMix.h"

#include "SyntheticTraffic.h"

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
