#include "ExampleTraffic.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <linux/bpf.h>

namespace bench {

namespace {

void put16(Packet &p, std::size_t at, uint16_t v) {
  p[at] = v >> 8;
  p[at + 1] = v & 0xff;
}

void put32(Packet &p, std::size_t at, uint32_t v) {
  put16(p, at, v >> 16);
  put16(p, at + 2, v & 0xffff);
}

// RFC 1071 over big-endian words, plus an initial sum (pseudo-header).
uint16_t checksum(const Packet &p, std::size_t from, std::size_t len, uint32_t sum = 0) {
  for (std::size_t i = 0; i + 1 < len; i += 2)
    sum += p[from + i] << 8 | p[from + i + 1];
  if (len % 2)
    sum += p[from + len - 1] << 8;
  while (sum >> 16)
    sum = (sum & 0xffff) + (sum >> 16);
  return ~sum & 0xffff;
}

constexpr uint32_t kSource = 0x0a000002;      // 10.0.0.2
constexpr uint32_t kDestination = 0xc6336407; // 198.51.100.7

} // namespace

Packet mainPathPacket() {
  constexpr std::size_t kEth = 14, kIp = 20, kTcp = 20, kFrame = 64;
  Packet p(kFrame, 0);
  const uint8_t dst[6] = {0x02, 0, 0, 0, 0, 0x01}, src[6] = {0x02, 0, 0, 0, 0, 0x02};
  std::memcpy(&p[0], dst, 6);
  std::memcpy(&p[6], src, 6);
  put16(p, 12, 0x0800);
  std::size_t ip = kEth, tcp = kEth + kIp;
  p[ip] = 0x45;
  put16(p, ip + 2, kIp + kTcp);
  put16(p, ip + 6, 0x4000); // don't fragment
  p[ip + 8] = 64;           // TTL
  p[ip + 9] = 6;            // TCP
  put32(p, ip + 12, kSource);
  put32(p, ip + 16, kDestination);
  put16(p, ip + 10, checksum(p, ip, kIp));
  put16(p, tcp, 40000);
  put16(p, tcp + 2, 443);
  put32(p, tcp + 4, 1);
  put32(p, tcp + 8, 1);
  p[tcp + 12] = 5 << 4;
  p[tcp + 13] = 0x10; // ACK
  put16(p, tcp + 14, 65535);
  uint32_t pseudo = (kSource >> 16) + (kSource & 0xffff) + (kDestination >> 16) +
                    (kDestination & 0xffff) + 6 + kTcp;
  put16(p, tcp + 16, checksum(p, tcp, kTcp, pseudo));
  return p;
}

const char *mainPathPacketDescription() {
  return "one 64-byte frame, a TCP ACK from 10.0.0.2:40000 to 198.51.100.7:443, TTL 64";
}

uint32_t mainPathVerdict(const std::string &example) {
  if (example == "drop" || example == "cms")
    return XDP_DROP;
  if (example == "nat" || example == "router" || example == "tunnel")
    return XDP_TX;
  throw std::runtime_error("unknown example " + example + ": expected drop, cms, nat, router or tunnel");
}

void seedExampleMaps(const std::string &example, bpf_object *obj) {
  if (example != "router")
    return;
  bpf_map *routes = bpf_object__find_map_by_name(obj, "routes");
  if (!routes)
    throw std::runtime_error("router has no map named routes");
  struct RouteKey {
    uint32_t prefixlen;
    uint8_t addr[4]; // network order
  };
  struct NextHop {
    uint8_t dmac[6], smac[6];
  };
  auto add = [&](uint32_t prefixlen, uint32_t addr, uint8_t hop) {
    RouteKey key{prefixlen, {uint8_t(addr >> 24), uint8_t(addr >> 16), uint8_t(addr >> 8), uint8_t(addr)}};
    NextHop value{{0x02, 0, 0, 0, 1, hop}, {0x02, 0, 0, 0, 0, 0x01}};
    if (bpf_map_update_elem(bpf_map__fd(routes), &key, &value, BPF_ANY) != 0)
      throw std::runtime_error(std::string("cannot add a route: ") + std::strerror(errno));
  };
  add(0, 0, 0);            // default route
  add(8, 0x0a000000, 1);   // 10.0.0.0/8
  for (uint32_t i = 0; i < 1024; ++i)
    add(24, 0xc6300000 + (i << 8), 2 + i % 200); // 198.48.0.0/14 in /24s
}

const char *exampleMapsDescription(const std::string &example) {
  if (example == "router")
    return "1026 routes: a default route, 10.0.0.0/8 and the 1024 /24s of 198.48.0.0/14";
  if (example == "nat")
    return "empty tables: the first run opens the flow, the others find it";
  return "";
}

} // namespace bench
