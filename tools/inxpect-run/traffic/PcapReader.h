// Packets from a capture file (pcap or pcapng) through libpcap.
#pragma once

#include <string>

#include "traffic/PacketSet.h"

namespace inxpect {

// Reads every Ethernet frame of FILE; other link types are refused by name.
// Throws RunError.
PacketSet readPcap(const std::string &path);

} // namespace inxpect
