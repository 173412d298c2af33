// The packets every e2e program is run with: the runner's synthetic traffic
// plus edge cases made from it that drive the programs down their early
// exits (headers cut short, TTL and hop limit 1, telnet, port 0), and
// variants carrying the headers full parsers walk (VLAN tags, IPv4 options,
// IPv6 extension headers, TCP options).
#pragma once

#include <vector>

#include "traffic/PacketSet.h"

namespace e2e {

std::vector<inxpect::Packet> packetMix();

} // namespace e2e
