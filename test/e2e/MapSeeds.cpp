#include "MapSeeds.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <vector>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <gtest/gtest.h>

#include "MaglevTable.h"

namespace e2e {

namespace {

// programs/loadbalancer.c: struct vip_key, struct vip_meta, the rings.
struct VipKey {
  uint32_t addr; // network order
  uint16_t port; // network order, 0: any port
  uint8_t proto;
  uint8_t pad;
};
struct VipMeta {
  uint32_t id;
  uint32_t ring;
};
static_assert(sizeof(VipKey) == 8 && sizeof(VipMeta) == 8);
constexpr uint32_t kRings = 4;
constexpr uint32_t kRingSize = 61;
constexpr uint32_t kBackendsPerRing = 4;

void putVip(int fd, uint8_t host, uint16_t port, uint8_t proto, const VipMeta &meta) {
  VipKey key{htonl(0xc6336400u | host), htons(port), proto, 0}; // 198.51.100.host
  ASSERT_EQ(bpf_map_update_elem(fd, &key, &meta, BPF_NOEXIST), 0)
      << "cannot add VIP 198.51.100." << unsigned(host) << ": " << std::strerror(errno);
}

// The synthetic traffic goes to 198.51.100.1-254: hosts 1-48 are any-port
// VIPs for TCP and UDP, hosts 49-64 web VIPs (TCP 80 and 443 only), the
// rest no VIP. Each takes one of the four rings.
void seedVips(bpf_map *vips) {
  ASSERT_EQ(bpf_map__key_size(vips), sizeof(VipKey));
  ASSERT_EQ(bpf_map__value_size(vips), sizeof(VipMeta));
  int fd = bpf_map__fd(vips);
  for (uint8_t host = 1; host <= 64; ++host) {
    VipMeta meta{host, host % kRings};
    if (host <= 48) {
      for (uint8_t proto : {IPPROTO_TCP, IPPROTO_UDP})
        putVip(fd, host, 0, proto, meta);
    } else {
      for (uint16_t port : {80, 443})
        putVip(fd, host, port, IPPROTO_TCP, meta);
    }
  }
}

// Ring r spreads over backends 4r..4r+3 (ring 2's are all down in the
// program, so its VIPs drop).
void seedMaglev(bpf_map *maglev) {
  ASSERT_EQ(bpf_map__value_size(maglev), sizeof(uint32_t));
  ASSERT_EQ(bpf_map__max_entries(maglev), kRings * kRingSize);
  int fd = bpf_map__fd(maglev);
  for (uint32_t ring = 0; ring < kRings; ++ring) {
    std::vector<uint32_t> backends;
    for (uint32_t i = 0; i < kBackendsPerRing; ++i)
      backends.push_back(ring * kBackendsPerRing + i);
    std::vector<uint32_t> table = maglevTable(backends, kRingSize);
    for (uint32_t slot = 0; slot < kRingSize; ++slot) {
      uint32_t key = ring * kRingSize + slot;
      ASSERT_EQ(bpf_map_update_elem(fd, &key, &table[slot], BPF_ANY), 0)
          << "cannot fill maglev[" << key << "]: " << std::strerror(errno);
    }
  }
}

} // namespace

void seedMaps(bpf_object *obj) {
  if (bpf_map *vips = bpf_object__find_map_by_name(obj, "vips"))
    seedVips(vips);
  if (bpf_map *maglev = bpf_object__find_map_by_name(obj, "maglev"))
    seedMaglev(maglev);
}

} // namespace e2e
