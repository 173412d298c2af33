#include "traffic/SyntheticTraffic.h"

#include <map>
#include <set>
#include <tuple>

#include <gtest/gtest.h>

using namespace inxpect;

namespace {

unsigned be16(const Packet &p, std::size_t at) { return (p[at] << 8) | p[at + 1]; }

// Written again here on purpose: checking the generator with its own
// checksum code would only check that code against itself.
uint32_t sumWords(const uint8_t *b, std::size_t n, uint32_t sum = 0) {
  for (std::size_t i = 0; i + 1 < n; i += 2)
    sum += (b[i] << 8) | b[i + 1];
  if (n & 1)
    sum += b[n - 1] << 8;
  return sum;
}

// A header with its checksum in place sums to 0xffff (RFC 1071).
bool checksumHolds(uint32_t sum) {
  while (sum >> 16)
    sum = (sum & 0xffff) + (sum >> 16);
  return sum == 0xffff;
}

const PacketSet &traffic() {
  static const PacketSet set = syntheticTraffic(10000);
  return set;
}

} // namespace

TEST(RunSyntheticTraffic, SameSeedSameFrames) {
  PacketSet a = syntheticTraffic(500), b = syntheticTraffic(500);
  EXPECT_EQ(a.packets, b.packets);
  PacketSet c = syntheticTraffic(500, kSyntheticSeed + 1);
  EXPECT_NE(a.packets, c.packets);
  // A prefix of a longer run: the Nth frame does not depend on N.
  PacketSet shorter = syntheticTraffic(100);
  EXPECT_TRUE(std::equal(shorter.packets.begin(), shorter.packets.end(), a.packets.begin()));
}

TEST(RunSyntheticTraffic, ExactCountWithinEthernetSizes) {
  const PacketSet &s = traffic();
  ASSERT_EQ(s.packets.size(), 10000u);
  EXPECT_EQ(s.tooShort + s.tooLong, 0u);
  std::size_t smallest = 100000, largest = 0, small = 0, large = 0;
  for (const Packet &p : s.packets) {
    smallest = std::min(smallest, p.size());
    largest = std::max(largest, p.size());
    small += p.size() < 128;
    large += p.size() >= 1024;
  }
  EXPECT_EQ(smallest, 64u);
  EXPECT_LE(largest, 1500u);
  EXPECT_GE(largest, 1490u);
  EXPECT_GT(small, 3000u);
  EXPECT_GT(large, 1000u);
}

TEST(RunSyntheticTraffic, MixOfProtocolsAndFlows) {
  std::map<unsigned, std::size_t> ethertypes, ipProtocols;
  std::set<std::tuple<Packet, Packet, unsigned, unsigned, unsigned>> flows;
  for (const Packet &p : traffic().packets) {
    unsigned type = be16(p, 12);
    ++ethertypes[type];
    if (type == 0x0800) {
      unsigned proto = p[23];
      ++ipProtocols[proto];
      flows.insert({Packet(&p[26], &p[30]), Packet(&p[30], &p[34]), proto,
                    proto == 1 ? 0 : be16(p, 34), proto == 1 ? 0 : be16(p, 36)});
    } else if (type == 0x86dd) {
      unsigned proto = p[20];
      ++ipProtocols[proto];
      flows.insert({Packet(&p[22], &p[38]), Packet(&p[38], &p[54]), proto,
                    proto == 58 ? 0 : be16(p, 54), proto == 58 ? 0 : be16(p, 56)});
    }
  }
  EXPECT_EQ(ethertypes.size(), 3u); // IPv4, IPv6, ARP and nothing else
  EXPECT_GT(ethertypes[0x0800], 5000u);
  EXPECT_GT(ethertypes[0x86dd], 1500u);
  EXPECT_GT(ethertypes[0x0806], 200u);
  EXPECT_LT(ethertypes[0x0806], 1000u);
  EXPECT_GT(ipProtocols[6], ipProtocols[17]); // TCP, then UDP, then ICMP
  EXPECT_GT(ipProtocols[17], ipProtocols[1] + ipProtocols[58]);
  EXPECT_GT(ipProtocols[1], 0u);
  EXPECT_GT(ipProtocols[58], 0u);
  EXPECT_GT(flows.size(), 200u);
}

TEST(RunSyntheticTraffic, HeadersAreValid) {
  for (const Packet &p : traffic().packets) {
    unsigned type = be16(p, 12);
    const uint8_t *l4;
    std::size_t l4len;
    uint32_t pseudo;
    unsigned proto;
    if (type == 0x0800) {
      ASSERT_EQ(p[14], 0x45);
      ASSERT_TRUE(checksumHolds(sumWords(&p[14], 20)));
      std::size_t total = be16(p, 16);
      ASSERT_LE(14 + total, p.size());
      proto = p[23];
      l4 = &p[34];
      l4len = total - 20;
      pseudo = proto == 1 ? 0 : sumWords(&p[26], 8) + proto + l4len;
    } else if (type == 0x86dd) {
      ASSERT_EQ(p[14] >> 4, 6);
      l4len = be16(p, 18);
      ASSERT_LE(54 + l4len, p.size());
      proto = p[20];
      l4 = &p[54];
      pseudo = sumWords(&p[22], 32) + proto + l4len;
    } else {
      ASSERT_EQ(type, 0x0806u);
      ASSERT_EQ(be16(p, 16), 0x0800u); // IPv4 over Ethernet
      continue;
    }
    ASSERT_TRUE(proto == 6 || proto == 17 || proto == 1 || proto == 58) << proto;
    ASSERT_TRUE(checksumHolds(sumWords(l4, l4len, pseudo))) << "protocol " << proto;
  }
}
