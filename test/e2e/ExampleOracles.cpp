#include "ExampleOracles.h"

#include "Ipv4Fields.h"

namespace e2e {

namespace {

using inxpect::Packet;
using inxpect::SectionKind;
enum : uint32_t { kAborted = 0, kDrop = 1, kPass = 2, kTx = 3 };

constexpr SectionKind kFunction = SectionKind::Function, kLoop = SectionKind::Loop,
                      kRegion = SectionKind::Region;

// examples/checksum.h, included by tunnel and nat: their own header, so its
// functions and its loop are sections too, named after it, the ones an
// example never calls included. `words`: the example sums whole headers
// (csum_words), else it updates checksums in place (csum_replace*).
std::vector<OracleSection> withChecksumSections(std::vector<OracleSection> own, bool words) {
  std::vector<OracleSection> checksum = {{"checksum.h:csum_fold", kFunction},
                                         {"checksum.h:csum_words", kFunction, !words},
                                         {"csum_words.loop", kLoop, !words},
                                         {"checksum.h:csum_replace4", kFunction, words},
                                         {"checksum.h:csum_replace2", kFunction, words}};
  own.insert(own.end(), checksum.begin(), checksum.end());
  return own;
}

std::array<uint8_t, 12> swappedMacs(const Packet &p) {
  std::array<uint8_t, 12> macs;
  std::copy(p.begin() + 6, p.begin() + 12, macs.begin());
  std::copy(p.begin(), p.begin() + 6, macs.begin() + 6);
  return macs;
}

class DropOracle : public ExampleOracle {
public:
  std::vector<OracleSection> sections() const override { return {{"xdp_drop", kFunction}}; }
  OracleStep step(const Packet &, SectionEntries &entries) override {
    ++entries["xdp_drop"];
    return {kDrop, {}};
  }
};

class CmsOracle : public ExampleOracle {
public:
  explicit CmsOracle(bool djb2) : djb2_(djb2) {}

  std::vector<OracleSection> sections() const override {
    std::vector<OracleSection> s = {{"parse_flow", kFunction}, {"cms_update", kFunction},
                                    {"cms_update.loop", kLoop},  {"xdp_cms", kFunction},
                                    {"parse", kRegion},          {"update", kRegion}};
    if (djb2_) {
      s.push_back({"djb2_key", kFunction});
      s.push_back({"djb2_key.loop", kLoop});
    } else {
      s.push_back({"rol32", kFunction});
      s.push_back({"jhash_final", kFunction});
      s.push_back({"jhash_key", kFunction});
    }
    return s;
  }

  OracleStep step(const Packet &p, SectionEntries &entries) override {
    entries["xdp_cms"] += 1;
    entries["parse"] += 1;
    entries["parse_flow"] += 1;
    if (!parses(p))
      return {kDrop, {}};
    entries["update"] += 1;
    entries["cms_update"] += 1;
    entries["cms_update.loop"] += 1;
    constexpr uint64_t rows = 4;
    if (djb2_) {
      entries["djb2_key"] += rows;
      entries["djb2_key.loop"] += rows; // the loop over the key's bytes, once a call
    } else {
      entries["jhash_key"] += rows;
      entries["jhash_final"] += rows;
      entries["rol32"] += rows * (6 + 7); // 6 in lookup3's mix, 7 in its final mix
    }
    return {kDrop, {}};
  }

private:
  // parse_flow: an IPv4 TCP or UDP packet with both ports present.
  static bool parses(const Packet &p) {
    using namespace ipv4;
    return isIpv4(p) && headerLength(p) >= 20 && (protocol(p) == kTcp || protocol(p) == kUdp) &&
           l4Offset(p) + 4 <= p.size();
  }
  bool djb2_;
};

class RouterOracle : public ExampleOracle {
public:
  std::vector<OracleSection> sections() const override {
    return {{"count", kFunction}, {"decrease_ttl", kFunction}, {"xdp_router", kFunction}, {"lookup", kRegion}};
  }

  OracleStep step(const Packet &p, SectionEntries &entries) override {
    using namespace ipv4;
    entries["xdp_router"] += 1;
    if (!isIpv4(p))
      return {kPass, {}};
    if (ttl(p) <= 1) {
      entries["count"] += 1;
      return {kPass, {}};
    }
    entries["lookup"] += 1;
    const Route *route = longestMatch(destination(p));
    entries["count"] += 1;
    if (!route)
      return {kPass, {}};
    entries["decrease_ttl"] += 1;
    std::array<uint8_t, 12> macs;
    std::copy(route->dmac.begin(), route->dmac.end(), macs.begin());
    std::copy(route->smac.begin(), route->smac.end(), macs.begin() + 6);
    return {kTx, macs};
  }

private:
  static const Route *longestMatch(uint32_t addr) {
    const Route *best = nullptr;
    for (const Route &r : routerRoutes()) {
      uint32_t mask = r.length ? ~uint32_t(0) << (32 - r.length) : 0;
      if ((addr & mask) == r.prefix && (!best || r.length > best->length))
        best = &r;
    }
    return best;
  }
};

class TunnelOracle : public ExampleOracle {
public:
  std::vector<OracleSection> sections() const override {
    return withChecksumSections({{"in_tunnel", kFunction},
                                 {"fill_outer", kFunction},
                                 {"xdp_tunnel", kFunction},
                                 {"encapsulate", kRegion}},
                                /*words=*/true);
  }

  OracleStep step(const Packet &p, SectionEntries &entries) override {
    using namespace ipv4;
    entries["xdp_tunnel"] += 1;
    if (!isIpv4(p))
      return {kPass, {}};
    entries["in_tunnel"] += 1;
    if ((destination(p) & kTunnelMask) != kTunnelPrefix)
      return {kPass, {}};
    entries["encapsulate"] += 1; // BPF_PROG_TEST_RUN leaves headroom: adjust_head succeeds
    entries["fill_outer"] += 1;
    entries["checksum.h:csum_words"] += 1; // the outer header's checksum
    entries["csum_words.loop"] += 1;
    entries["checksum.h:csum_fold"] += 1;
    return {kTx, swappedMacs(p)};
  }
};

} // namespace

std::string oracleKey(const inxpect::Section &section) {
  return section.kind == kLoop ? section.function + ".loop" : section.name;
}

std::unique_ptr<ExampleOracle> dropOracle() { return std::make_unique<DropOracle>(); }
std::unique_ptr<ExampleOracle> cmsOracle(bool djb2) { return std::make_unique<CmsOracle>(djb2); }
std::unique_ptr<ExampleOracle> routerOracle() { return std::make_unique<RouterOracle>(); }
std::unique_ptr<ExampleOracle> tunnelOracle() { return std::make_unique<TunnelOracle>(); }

const std::vector<Route> &routerRoutes() {
  static const std::vector<Route> routes = {
      {0xc6336400, 25, {0x02, 0, 0, 0, 0, 0xa1}, {0x02, 0, 0, 0, 0, 0x01}}, // 198.51.100.0/25
      {0xc6336400, 27, {0x02, 0, 0, 0, 0, 0xa2}, {0x02, 0, 0, 0, 0, 0x02}}, // 198.51.100.0/27: longer
      {0xc633644d, 32, {0x02, 0, 0, 0, 0, 0xa3}, {0x02, 0, 0, 0, 0, 0x03}}, // 198.51.100.77/32
      {0xc0000200, 24, {0x02, 0, 0, 0, 0, 0xa4}, {0x02, 0, 0, 0, 0, 0x04}}, // 192.0.2.0/24
  };
  return routes;
}

NatOracle::NatOracle() {
  for (uint8_t proto : {ipv4::kTcp, ipv4::kUdp}) {
    Flow server{kNatStaticAddr, kNatStaticInsidePort, proto};
    out_[server] = kNatStaticPort;
    in_[{kNatStaticPort, proto}] = server;
  }
}

std::vector<OracleSection> NatOracle::sections() const {
  return withChecksumSections(
      {{"parse_l4", kFunction},  {"inbound_key", kFunction},     {"claim_port", kFunction},
       {"open_flow", kFunction}, {"open_flow.loop", kLoop},      {"public_port_for", kFunction},
       {"rewrite", kFunction},   {"swap_macs", kFunction},       {"xdp_nat", kFunction},
       {"translate", kRegion}},
      /*words=*/false);
}

OracleStep NatOracle::step(const Packet &p, SectionEntries &entries) {
  using namespace ipv4;
  entries["xdp_nat"] += 1;
  if (!isIpv4(p) || headerLength(p) < 20)
    return {kPass, {}};
  entries["parse_l4"] += 1;
  std::size_t l4Size = protocol(p) == kTcp ? 20 : protocol(p) == kUdp ? 8 : 0;
  if (!l4Size || l4Offset(p) + l4Size > p.size())
    return {kPass, {}};
  entries["translate"] += 1;
  if ((source(p) & 0xff000000) == 0x0a000000) {
    entries["public_port_for"] += 1;
    Flow flow{source(p), sourcePort(p), protocol(p)};
    if (!out_.count(flow)) {
      entries["open_flow"] += 1;
      entries["open_flow.loop"] += 1;
      unsigned tries = 0;
      for (; tries < kNatPortTries; ++tries) {
        uint16_t port = kNatPortFirst + nextPort_++ % kNatPortCount;
        entries["claim_port"] += 1;
        entries["inbound_key"] += 1;
        if (in_.count({port, flow.proto}))
          continue;
        in_[{port, flow.proto}] = flow;
        out_[flow] = port;
        break;
      }
      if (tries == kNatPortTries)
        return {kPass, {}};
    }
  } else if (destination(p) == kNatPublicAddr) {
    entries["inbound_key"] += 1;
    if (!in_.count({destinationPort(p), protocol(p)}))
      return {kDrop, {}};
  } else {
    return {kPass, {}};
  }
  entries["rewrite"] += 1;
  entries["checksum.h:csum_replace4"] += 1; // the IP header's
  entries["checksum.h:csum_fold"] += 1;
  // The transport checksum, unless a UDP packet carries none (0).
  if (protocol(p) == kTcp || get16(p, l4Offset(p) + 6) != 0) {
    entries["checksum.h:csum_replace4"] += 1;
    entries["checksum.h:csum_replace2"] += 1;
    entries["checksum.h:csum_fold"] += 2;
  }
  entries["swap_macs"] += 1;
  return {kTx, swappedMacs(p)};
}

std::optional<uint16_t> NatOracle::publicPortOf(const Packet &outbound) const {
  using namespace ipv4;
  auto it = out_.find(Flow{source(outbound), sourcePort(outbound), protocol(outbound)});
  if (it == out_.end())
    return std::nullopt;
  return it->second;
}

} // namespace e2e
