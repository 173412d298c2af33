#include "ExampleSetup.h"

#include <cerrno>
#include <cstring>
#include <set>

#include <arpa/inet.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <gtest/gtest.h>

#include "ExampleOracles.h"
#include "Ipv4Fields.h"
#include "PacketMix.h"

namespace e2e {

namespace {

using inxpect::Packet;

int mapFd(bpf_object *obj, const char *name) {
  bpf_map *map = bpf_object__find_map_by_name(obj, name);
  EXPECT_TRUE(map) << "the object has no map " << name;
  return map ? bpf_map__fd(map) : -1;
}

void update(int fd, const void *key, const void *value, const char *what) {
  ASSERT_EQ(bpf_map_update_elem(fd, key, value, BPF_ANY), 0) << "cannot seed " << what << ": " << std::strerror(errno);
}

// The first IPv4 packet of the mix with a whole, valid TCP or UDP segment:
// the template extra packets are made from.
Packet firstOf(const std::vector<Packet> &mix, uint8_t proto) {
  for (const Packet &p : mix)
    if (ipv4::hasWholeSegment(p) && ipv4::protocol(p) == proto && ipv4::checksumsValid(p))
      return p;
  ADD_FAILURE() << "the packet mix has no whole IPv4 packet of protocol " << int(proto);
  return {};
}

Packet withDestination(Packet p, uint32_t addr) {
  ipv4::set32(p, ipv4::kIp + 16, addr);
  ipv4::refreshChecksums(p);
  return p;
}

// The answer of the outside host to an outbound packet, sent to the public
// address and port.
Packet reply(const Packet &outbound, uint16_t publicPort) {
  using namespace ipv4;
  Packet p = outbound;
  std::swap_ranges(p.begin(), p.begin() + 6, p.begin() + 6);
  set32(p, kIp + 12, destination(outbound));
  set32(p, kIp + 16, kNatPublicAddr);
  set16(p, l4Offset(p), destinationPort(outbound));
  set16(p, l4Offset(p) + 2, publicPort);
  refreshChecksums(p);
  return p;
}

} // namespace

void seedRouter(bpf_object *obj) {
  int fd = mapFd(obj, "routes");
  ASSERT_GE(fd, 0);
  for (const Route &r : routerRoutes()) {
    struct {
      uint32_t prefixlen;
      uint32_t addr; // network order
    } key = {r.length, htonl(r.prefix)};
    uint8_t hop[12];
    std::copy(r.dmac.begin(), r.dmac.end(), hop);
    std::copy(r.smac.begin(), r.smac.end(), hop + 6);
    update(fd, &key, hop, "a route");
  }
}

void seedNat(bpf_object *obj) {
  int out = mapFd(obj, "nat_out"), in = mapFd(obj, "nat_in");
  ASSERT_TRUE(out >= 0 && in >= 0);
  for (uint8_t proto : {ipv4::kTcp, ipv4::kUdp}) {
    // struct flow: inside address and port in network order, protocol, pad.
    uint8_t flow[8] = {};
    uint32_t addr = htonl(kNatStaticAddr);
    uint16_t port = htons(kNatStaticInsidePort), publicPort = htons(kNatStaticPort);
    std::memcpy(flow, &addr, 4);
    std::memcpy(flow + 4, &port, 2);
    flow[6] = proto;
    uint32_t back = uint32_t(publicPort) << 8 | proto; // inbound_key()
    update(out, flow, &publicPort, "nat_out");
    update(in, &back, flow, "nat_in");
  }
}

std::vector<Packet> routerPackets() {
  std::vector<Packet> mix = packetMix();
  Packet tcp = firstOf(mix, ipv4::kTcp);
  for (uint32_t addr : {0xc6336405u,   // 198.51.100.5: /25 and /27, the /27 wins
                        0xc6336450u,   // 198.51.100.80: only the /25
                        0xc633644du,   // 198.51.100.77: the host route
                        0xc0000209u,   // 192.0.2.9
                        0xc63364c8u,   // 198.51.100.200: no route
                        0xcb007105u})  // 203.0.113.5: no route
    mix.push_back(withDestination(tcp, addr));
  Packet lastHop = withDestination(tcp, 0xc6336405u);
  lastHop[ipv4::kIp + 8] = 2; // forwarded with TTL 1
  ipv4::refreshChecksums(lastHop);
  mix.push_back(lastHop);
  return mix;
}

std::vector<Packet> natPackets() {
  std::vector<Packet> mix = packetMix();
  // Which flows the mix opens and their ports: the model of the program.
  NatOracle nat;
  SectionEntries ignored;
  std::vector<Packet> replies;
  std::set<uint16_t> answered;
  for (const Packet &p : mix) {
    nat.step(p, ignored);
    if (!ipv4::hasWholeSegment(p) || !ipv4::checksumsValid(p))
      continue;
    std::optional<uint16_t> port = nat.publicPortOf(p);
    if (port && answered.insert(*port).second && replies.size() < 64)
      replies.push_back(reply(p, *port));
  }
  EXPECT_GE(replies.size(), 8u) << "the packet mix opens too few flows";
  mix.insert(mix.end(), replies.begin(), replies.end());
  for (uint8_t proto : {ipv4::kTcp, ipv4::kUdp}) {
    Packet outbound = firstOf(mix, proto);
    mix.push_back(reply(outbound, kNatStaticPort)); // to the published server
    mix.push_back(reply(outbound, 60000));          // no flow holds the port
  }
  // From outside to another address: not the NAT's business.
  mix.push_back(withDestination(reply(firstOf(mix, ipv4::kTcp), 80), 0xc0000201));
  return mix;
}

} // namespace e2e
