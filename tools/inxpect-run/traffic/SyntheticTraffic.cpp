#include "traffic/SyntheticTraffic.h"

#include <algorithm>
#include <array>
#include <vector>

namespace inxpect {

namespace {

// splitmix64: tiny, and the same sequence with every compiler and library,
// which std::uniform_int_distribution does not promise.
class Rng {
public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  uint64_t below(uint64_t n) { return next() % n; }
  uint64_t between(uint64_t lo, uint64_t hi) { return lo + below(hi - lo + 1); }
  bool percent(unsigned p) { return below(100) < p; }

private:
  uint64_t state_;
};

enum : uint16_t { kEtherIpv4 = 0x0800, kEtherIpv6 = 0x86dd, kEtherArp = 0x0806 };
enum : uint8_t { kTcp = 6, kUdp = 17, kIcmp = 1, kIcmpv6 = 58 };

struct Flow {
  bool v6 = false;
  uint8_t proto = kTcp;
  std::array<uint8_t, 6> srcMac{}, dstMac{};
  std::array<uint8_t, 16> src{}, dst{}; // IPv4 uses the first 4 bytes
  uint16_t sport = 0, dport = 0;
  uint32_t seq = 0;
  uint32_t flowLabel = 0;
};

void put8(Packet &p, uint8_t v) { p.push_back(v); }
void put16(Packet &p, uint16_t v) {
  p.push_back(v >> 8);
  p.push_back(v & 0xff);
}
void put32(Packet &p, uint32_t v) {
  put16(p, v >> 16);
  put16(p, v & 0xffff);
}
void putBytes(Packet &p, const uint8_t *b, std::size_t n) { p.insert(p.end(), b, b + n); }
void set16(Packet &p, std::size_t at, uint16_t v) {
  p[at] = v >> 8;
  p[at + 1] = v & 0xff;
}

// RFC 1071 one's complement sum, continued from `sum`.
uint32_t sumWords(const uint8_t *b, std::size_t n, uint32_t sum = 0) {
  for (std::size_t i = 0; i + 1 < n; i += 2)
    sum += (b[i] << 8) | b[i + 1];
  if (n & 1)
    sum += b[n - 1] << 8;
  return sum;
}
uint16_t foldChecksum(uint32_t sum) {
  while (sum >> 16)
    sum = (sum & 0xffff) + (sum >> 16);
  return ~sum & 0xffff;
}

std::array<uint8_t, 6> randomMac(Rng &rng) {
  std::array<uint8_t, 6> mac;
  for (auto &b : mac)
    b = rng.next();
  mac[0] = (mac[0] & 0xfc) | 0x02; // locally administered, unicast
  return mac;
}

Flow makeFlow(Rng &rng) {
  static const uint16_t kPorts[] = {80, 443, 53, 123, 22, 8080, 5201, 3306};
  Flow f;
  f.v6 = rng.percent(30);
  unsigned p = rng.below(100);
  f.proto = p < 60 ? kTcp : p < 90 ? kUdp : (f.v6 ? kIcmpv6 : kIcmp);
  f.srcMac = randomMac(rng);
  f.dstMac = randomMac(rng);
  if (f.v6) {
    const uint8_t prefix[] = {0x20, 0x01, 0x0d, 0xb8}; // 2001:db8::/32, documentation
    std::copy(prefix, prefix + 4, f.src.begin());
    std::copy(prefix, prefix + 4, f.dst.begin());
    for (int i = 4; i < 16; ++i) {
      f.src[i] = rng.next();
      f.dst[i] = rng.next();
    }
  } else {
    f.src = {10, uint8_t(rng.next()), uint8_t(rng.next()), uint8_t(rng.between(1, 254))};
    f.dst = {198, 51, 100, uint8_t(rng.between(1, 254))}; // documentation range
  }
  f.sport = rng.between(1024, 65535);
  f.dport = rng.percent(80) ? kPorts[rng.below(8)] : rng.between(1, 65535);
  f.seq = rng.next();
  f.flowLabel = rng.next() & 0xfffff;
  return f;
}

std::size_t targetFrameLength(Rng &rng) {
  unsigned p = rng.below(100);
  if (p < 50)
    return rng.between(kSyntheticMinFrame, 127);
  if (p < 80)
    return rng.between(128, 1023);
  return rng.between(1024, kSyntheticMaxFrame);
}

void padFrame(Packet &frame) {
  if (frame.size() < kSyntheticMinFrame)
    frame.resize(kSyntheticMinFrame, 0); // Ethernet padding after the IP packet
}

Packet arpFrame(Rng &rng, const Flow &f) {
  // ARP resolves IPv4 addresses: an IPv6 flow's hosts get IPv4 ones too.
  const uint8_t spa[4] = {f.v6 ? uint8_t(10) : f.src[0], f.v6 ? f.src[13] : f.src[1],
                          f.v6 ? f.src[14] : f.src[2], f.v6 ? f.src[15] : f.src[3]};
  const uint8_t tpa[4] = {198, 51, 100, f.v6 ? uint8_t(f.dst[15] | 1) : f.dst[3]};
  Packet p;
  bool request = rng.percent(70);
  static const uint8_t kBroadcast[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
  putBytes(p, request ? kBroadcast : f.dstMac.data(), 6);
  putBytes(p, f.srcMac.data(), 6);
  put16(p, kEtherArp);
  put16(p, 1);          // Ethernet
  put16(p, kEtherIpv4); // IPv4 addresses
  put8(p, 6);
  put8(p, 4);
  put16(p, request ? 1 : 2);
  putBytes(p, f.srcMac.data(), 6);
  putBytes(p, spa, 4);
  static const uint8_t kUnknown[6] = {};
  putBytes(p, request ? kUnknown : f.dstMac.data(), 6);
  putBytes(p, tpa, 4);
  padFrame(p);
  return p;
}

// The transport header and payload; its checksum is filled in by the caller.
Packet transportSegment(Rng &rng, Flow &f, std::size_t room) {
  Packet t;
  std::size_t header = f.proto == kTcp ? 20 : 8;
  std::size_t payload = room > header ? room - header : 0;
  if (f.proto == kTcp) {
    unsigned p = rng.below(100);
    uint8_t flags = p < 50 ? 0x10 : p < 80 ? 0x18 : p < 90 ? 0x02 : p < 95 ? 0x11 : 0x04;
    if (flags == 0x02 || flags == 0x11 || flags == 0x04)
      payload = 0; // SYN, FIN and RST carry no data here
    put16(t, f.sport);
    put16(t, f.dport);
    put32(t, f.seq);
    put32(t, flags & 0x10 ? uint32_t(rng.next()) : 0);
    put8(t, 5 << 4); // data offset: 5 words
    put8(t, flags);
    put16(t, 65535);
    put16(t, 0); // checksum
    put16(t, 0); // urgent pointer
    f.seq += payload;
  } else if (f.proto == kUdp) {
    put16(t, f.sport);
    put16(t, f.dport);
    put16(t, header + payload);
    put16(t, 0);
  } else {
    bool reply = rng.percent(50);
    put8(t, f.proto == kIcmp ? (reply ? 0 : 8) : (reply ? 129 : 128)); // echo
    put8(t, 0);
    put16(t, 0);
    put16(t, f.sport); // identifier
    put16(t, f.seq++ & 0xffff);
  }
  for (std::size_t i = 0; i < payload; ++i)
    t.push_back(rng.next());
  return t;
}

std::size_t checksumOffset(uint8_t proto) { return proto == kTcp ? 16 : proto == kUdp ? 6 : 2; }

Packet ipFrame(Rng &rng, Flow &f) {
  std::size_t ipHeader = f.v6 ? 40 : 20;
  std::size_t frameLen = targetFrameLength(rng);
  std::size_t room = frameLen > 14 + ipHeader ? frameLen - 14 - ipHeader : 0;
  Packet seg = transportSegment(rng, f, room);

  // The checksum covers a pseudo header, except ICMP for IPv4.
  uint32_t sum = 0;
  if (f.proto != kIcmp) {
    std::size_t addr = f.v6 ? 16 : 4;
    sum = sumWords(f.src.data(), addr, sum);
    sum = sumWords(f.dst.data(), addr, sum);
    sum += f.proto + uint32_t(seg.size() >> 16) + uint32_t(seg.size() & 0xffff);
  }
  uint16_t csum = foldChecksum(sumWords(seg.data(), seg.size(), sum));
  if (f.proto == kUdp && csum == 0)
    csum = 0xffff; // 0 means "no checksum" in UDP
  set16(seg, checksumOffset(f.proto), csum);

  Packet p;
  putBytes(p, f.dstMac.data(), 6);
  putBytes(p, f.srcMac.data(), 6);
  put16(p, f.v6 ? kEtherIpv6 : kEtherIpv4);
  if (f.v6) {
    put32(p, (6u << 28) | f.flowLabel);
    put16(p, seg.size());
    put8(p, f.proto);
    put8(p, 64);
    putBytes(p, f.src.data(), 16);
    putBytes(p, f.dst.data(), 16);
  } else {
    std::size_t ip = p.size();
    put8(p, 0x45);
    put8(p, 0);
    put16(p, 20 + seg.size());
    put16(p, rng.next() & 0xffff);
    put16(p, 0x4000); // don't fragment
    put8(p, 64);
    put8(p, f.proto);
    put16(p, 0);
    putBytes(p, f.src.data(), 4);
    putBytes(p, f.dst.data(), 4);
    set16(p, ip + 10, foldChecksum(sumWords(&p[ip], 20)));
  }
  p.insert(p.end(), seg.begin(), seg.end());
  padFrame(p);
  return p;
}

} // namespace

PacketSet syntheticTraffic(std::size_t n, uint64_t seed) {
  Rng rng(seed);
  std::vector<Flow> flows;
  flows.reserve(kSyntheticFlows);
  for (std::size_t i = 0; i < kSyntheticFlows; ++i)
    flows.push_back(makeFlow(rng));
  PacketSet set;
  set.packets.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    // Skewed towards low indices: a few heavy flows and a long tail.
    Flow &f = flows[rng.below(rng.below(kSyntheticFlows) + 1)];
    addPacket(set, rng.percent(5) ? arpFrame(rng, f) : ipFrame(rng, f));
  }
  return set;
}

} // namespace inxpect
