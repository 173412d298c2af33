// What each example in examples/ does with a packet, modelled in C++ from its
// source: the verdict, and which of its sections the packet enters how many
// times. The examples count nothing themselves, so these models are the
// independent count the instrumented builds are held to. Each model is
// checked against the original build too: its verdict for every packet must
// be the program's.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "Manifest.h"
#include "traffic/PacketSet.h"

namespace e2e {

// How a model names a section: functions and regions by name, a loop by its
// function ("open_flow.loop"; the examples have at most one loop a function).
std::string oracleKey(const inxpect::Section &section);

struct OracleSection {
  std::string key;
  inxpect::SectionKind kind;
  // A helper of a shared header the example never calls: a section all the
  // same (the header's functions are), which no packet can enter.
  bool uncalled = false;
};

struct OracleStep {
  uint32_t verdict = 0;
  // For XDP_TX: the destination and source MACs the packet must leave with.
  std::optional<std::array<uint8_t, 12>> macs;
};

using SectionEntries = std::map<std::string, uint64_t>; // by oracleKey

class ExampleOracle {
public:
  virtual ~ExampleOracle() = default;
  // Every section the example has in some mode of inxpect-instrument.
  virtual std::vector<OracleSection> sections() const = 0;
  // The next packet through the program (programs keep state in maps: feed
  // packets in the order they run), adding its section entries to `entries`.
  virtual OracleStep step(const inxpect::Packet &packet, SectionEntries &entries) = 0;
};

std::unique_ptr<ExampleOracle> dropOracle();
std::unique_ptr<ExampleOracle> cmsOracle(bool djb2); // -DCMS_HASH_DJB2 or the Jenkins hash

// router: the routes both builds are seeded with.
struct Route {
  uint32_t prefix; // host order
  unsigned length;
  std::array<uint8_t, 6> dmac, smac;
};
const std::vector<Route> &routerRoutes();
std::unique_ptr<ExampleOracle> routerOracle();

// tunnel, with the prefix and endpoints examples/tunnel.c defaults to.
inline constexpr uint32_t kTunnelPrefix = 0xc6336400, kTunnelMask = 0xffffff80; // 198.51.100.0/25
std::unique_ptr<ExampleOracle> tunnelOracle();

// nat, with examples/nat.c's pool, and a static mapping (a port forward) both
// builds are seeded with, for TCP and for UDP: the second new flow's first
// port is taken, so its loop takes two tries.
inline constexpr uint32_t kNatPublicAddr = 0xcb007101; // 203.0.113.1
inline constexpr uint16_t kNatPortFirst = 16384;
inline constexpr uint32_t kNatPortCount = 49152;
inline constexpr unsigned kNatPortTries = 8;
inline constexpr uint16_t kNatStaticPort = kNatPortFirst + 1;
inline constexpr uint32_t kNatStaticAddr = 0x0a090909; // 10.9.9.9
inline constexpr uint16_t kNatStaticInsidePort = 80;

class NatOracle : public ExampleOracle {
public:
  NatOracle();
  std::vector<OracleSection> sections() const override;
  OracleStep step(const inxpect::Packet &packet, SectionEntries &entries) override;
  // The public port of an outbound packet's flow, once it is open.
  std::optional<uint16_t> publicPortOf(const inxpect::Packet &outbound) const;

private:
  struct Flow {
    uint32_t addr;
    uint16_t port;
    uint8_t proto;
    bool operator<(const Flow &o) const {
      return std::tie(addr, port, proto) < std::tie(o.addr, o.port, o.proto);
    }
  };
  std::map<Flow, uint16_t> out_;                          // nat_out
  std::map<std::pair<uint16_t, uint8_t>, Flow> in_;       // nat_in: (public port, protocol)
  uint64_t nextPort_ = 0;                                 // next_port
};

} // namespace e2e
