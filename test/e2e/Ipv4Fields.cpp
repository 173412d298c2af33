#include "Ipv4Fields.h"

namespace e2e::ipv4 {

namespace {

// RFC 1071: the one's complement sum of 16-bit words, continued from `sum`.
uint32_t sumWords(const inxpect::Packet &p, std::size_t at, std::size_t n, uint32_t sum = 0) {
  for (std::size_t i = 0; i + 1 < n; i += 2)
    sum += get16(p, at + i);
  if (n & 1)
    sum += p[at + n - 1] << 8;
  return sum;
}

uint16_t fold(uint32_t sum) {
  while (sum >> 16)
    sum = (sum & 0xffff) + (sum >> 16);
  return sum;
}

std::size_t checksumOffset(const inxpect::Packet &p) { return l4Offset(p) + (protocol(p) == kTcp ? 16 : 6); }

std::size_t segmentLength(const inxpect::Packet &p) { return get16(p, kIp + 2) - headerLength(p); }

// The transport sum over the pseudo-header and the segment, checksum included.
uint16_t transportSum(const inxpect::Packet &p) {
  uint32_t sum = sumWords(p, kIp + 12, 8); // source and destination addresses
  sum += protocol(p) + segmentLength(p);
  return fold(sumWords(p, l4Offset(p), segmentLength(p), sum));
}

} // namespace

uint16_t get16(const inxpect::Packet &p, std::size_t at) { return p.at(at) << 8 | p.at(at + 1); }
uint32_t get32(const inxpect::Packet &p, std::size_t at) { return uint32_t(get16(p, at)) << 16 | get16(p, at + 2); }
void set16(inxpect::Packet &p, std::size_t at, uint16_t v) {
  p.at(at) = v >> 8;
  p.at(at + 1) = v & 0xff;
}
void set32(inxpect::Packet &p, std::size_t at, uint32_t v) {
  set16(p, at, v >> 16);
  set16(p, at + 2, v & 0xffff);
}

bool isIpv4(const inxpect::Packet &p) { return p.size() >= kIp + 20 && get16(p, 12) == 0x0800; }
unsigned headerLength(const inxpect::Packet &p) { return (p.at(kIp) & 0x0f) * 4; }
uint8_t protocol(const inxpect::Packet &p) { return p.at(kIp + 9); }
uint8_t ttl(const inxpect::Packet &p) { return p.at(kIp + 8); }
uint32_t source(const inxpect::Packet &p) { return get32(p, kIp + 12); }
uint32_t destination(const inxpect::Packet &p) { return get32(p, kIp + 16); }
std::size_t l4Offset(const inxpect::Packet &p) { return kIp + headerLength(p); }
uint16_t sourcePort(const inxpect::Packet &p) { return get16(p, l4Offset(p)); }
uint16_t destinationPort(const inxpect::Packet &p) { return get16(p, l4Offset(p) + 2); }

bool hasWholeSegment(const inxpect::Packet &p) {
  if (!isIpv4(p) || headerLength(p) < 20 || (protocol(p) != kTcp && protocol(p) != kUdp))
    return false;
  std::size_t total = get16(p, kIp + 2);
  std::size_t minimum = headerLength(p) + (protocol(p) == kTcp ? 20 : 8);
  return total >= minimum && kIp + total <= p.size();
}

void refreshChecksums(inxpect::Packet &p) {
  set16(p, kIp + 10, 0);
  set16(p, kIp + 10, ~fold(sumWords(p, kIp, headerLength(p))) & 0xffff);
  if (!hasWholeSegment(p))
    return;
  set16(p, checksumOffset(p), 0);
  uint16_t check = ~transportSum(p) & 0xffff;
  set16(p, checksumOffset(p), check == 0 && protocol(p) == kUdp ? 0xffff : check);
}

bool checksumsValid(const inxpect::Packet &p) {
  if (!isIpv4(p) || headerLength(p) < 20 || kIp + headerLength(p) > p.size() ||
      fold(sumWords(p, kIp, headerLength(p))) != 0xffff)
    return false;
  if (!hasWholeSegment(p) || (protocol(p) == kUdp && get16(p, checksumOffset(p)) == 0))
    return true;
  return transportSum(p) == 0xffff;
}

} // namespace e2e::ipv4
