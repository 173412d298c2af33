#include "traffic/PacketSet.h"

namespace inxpect {

void addPacket(PacketSet &set, Packet packet) {
  if (packet.size() < kMinXdpPacket)
    ++set.tooShort;
  else if (packet.size() > kMaxXdpPacket)
    ++set.tooLong;
  else
    set.packets.push_back(std::move(packet));
}

std::string skippedWarning(const PacketSet &set) {
  std::string w;
  if (set.tooShort || set.tooLong) {
    w = "skipped " + std::to_string(set.tooShort + set.tooLong) +
        " packets BPF_PROG_TEST_RUN does not accept for XDP (" + std::to_string(set.tooShort) +
        " shorter than " + std::to_string(kMinXdpPacket) + " bytes, " +
        std::to_string(set.tooLong) + " longer than " + std::to_string(kMaxXdpPacket) +
        " bytes); replaying the other " + std::to_string(set.packets.size());
  }
  if (set.truncated) {
    if (!w.empty())
      w += "; ";
    w += std::to_string(set.truncated) +
         " packets were captured shorter than they were on the wire (snaplen): replaying the "
         "captured bytes";
  }
  return w;
}

} // namespace inxpect
