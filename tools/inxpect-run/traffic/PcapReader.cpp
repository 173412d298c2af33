#include "traffic/PcapReader.h"

#include <memory>

#include <pcap/pcap.h>

#include "RunError.h"

namespace inxpect {

PacketSet readPcap(const std::string &path) {
  char err[PCAP_ERRBUF_SIZE] = {};
  std::unique_ptr<pcap_t, decltype(&pcap_close)> pcap(pcap_open_offline(path.c_str(), err),
                                                       &pcap_close);
  if (!pcap)
    throw RunError("cannot read the capture " + path + ": " + err);
  int link = pcap_datalink(pcap.get());
  if (link != DLT_EN10MB) {
    const char *name = pcap_datalink_val_to_name(link);
    throw RunError(path + " holds " + (name ? name : "link type " + std::to_string(link)) +
                   " packets, but XDP sees Ethernet frames: capture on an Ethernet interface "
                   "(link type EN10MB)");
  }
  PacketSet set;
  pcap_pkthdr *header;
  const u_char *data;
  int rc;
  while ((rc = pcap_next_ex(pcap.get(), &header, &data)) == 1) {
    if (header->caplen < header->len)
      ++set.truncated;
    addPacket(set, Packet(data, data + header->caplen));
  }
  if (rc == PCAP_ERROR)
    throw RunError("cannot read the capture " + path + ": " + pcap_geterr(pcap.get()));
  if (set.packets.empty())
    throw RunError(set.tooShort + set.tooLong == 0
                       ? "no packets in " + path + ": the capture has a header and nothing after it"
                       : "no packets in " + path + " that XDP could be given: " +
                             skippedWarning(set));
  return set;
}

} // namespace inxpect
