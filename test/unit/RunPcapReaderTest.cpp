#include "traffic/PcapReader.h"
#include "RunError.h"

#include <cstdio>
#include <unistd.h>

#include <gtest/gtest.h>
#include <pcap/pcap.h>

using namespace inxpect;

namespace {

struct Frame {
  Packet bytes;
  uint32_t wireLength; // > bytes.size() for a packet cut by the snaplen
};

std::string writePcap(int linkType, const std::vector<Frame> &frames) {
  char path[] = "/tmp/inxpect-run-pcap-XXXXXX";
  int fd = mkstemp(path);
  EXPECT_GE(fd, 0);
  close(fd);
  pcap_t *dead = pcap_open_dead(linkType, 65535);
  pcap_dumper_t *dump = pcap_dump_open(dead, path);
  EXPECT_NE(dump, nullptr);
  for (const Frame &f : frames) {
    pcap_pkthdr h = {};
    h.caplen = f.bytes.size();
    h.len = f.wireLength;
    pcap_dump(reinterpret_cast<u_char *>(dump), &h, f.bytes.data());
  }
  pcap_dump_close(dump);
  pcap_close(dead);
  return path;
}

Packet filled(std::size_t n, uint8_t seed) {
  Packet p(n);
  for (std::size_t i = 0; i < n; ++i)
    p[i] = uint8_t(seed + i);
  return p;
}

std::string readError(const std::string &path) {
  try {
    readPcap(path);
  } catch (const RunError &e) {
    return e.what();
  }
  return "";
}

} // namespace

TEST(RunPcapReader, ReadsEthernetFramesInOrder) {
  std::vector<Frame> frames = {{filled(60, 1), 60}, {filled(1514, 2), 1514}, {filled(14, 3), 14}};
  std::string path = writePcap(DLT_EN10MB, frames);
  PacketSet s = readPcap(path);
  ASSERT_EQ(s.packets.size(), 3u);
  EXPECT_EQ(s.packets[0], frames[0].bytes);
  EXPECT_EQ(s.packets[1], frames[1].bytes);
  EXPECT_EQ(s.packets[2], frames[2].bytes);
  EXPECT_EQ(s.tooShort + s.tooLong + s.truncated, 0u);
  EXPECT_EQ(skippedWarning(s), "");
  std::remove(path.c_str());
}

TEST(RunPcapReader, CountsWhatItSkips) {
  std::vector<Frame> frames = {{filled(13, 0), 13},       {filled(100, 1), 100},
                               {filled(3520, 2), 3520},   {filled(3521, 3), 3521},
                               {filled(9000, 4), 9000},   {filled(200, 5), 1500}};
  std::string path = writePcap(DLT_EN10MB, frames);
  PacketSet s = readPcap(path);
  EXPECT_EQ(s.packets.size(), 3u); // 100, 3520 and the truncated 200
  EXPECT_EQ(s.tooShort, 1u);
  EXPECT_EQ(s.tooLong, 2u);
  EXPECT_EQ(s.truncated, 1u);
  std::string w = skippedWarning(s);
  EXPECT_NE(w.find("skipped 3 packets"), std::string::npos) << w;
  EXPECT_NE(w.find("1 shorter than 14 bytes, 2 longer than 3520 bytes"), std::string::npos) << w;
  EXPECT_NE(w.find("replaying the other 3"), std::string::npos) << w;
  EXPECT_NE(w.find("1 packets were captured shorter"), std::string::npos) << w;
  std::remove(path.c_str());
}

TEST(RunPcapReader, RefusesOtherLinkTypesByName) {
  std::string path = writePcap(DLT_RAW, {{filled(60, 0), 60}});
  std::string err = readError(path);
  EXPECT_NE(err.find("RAW"), std::string::npos) << err;
  EXPECT_NE(err.find("EN10MB"), std::string::npos) << err;
  std::remove(path.c_str());
}

TEST(RunPcapReader, MissingFileNamesThePath) {
  std::string err = readError("/nonexistent/trace.pcap");
  EXPECT_NE(err.find("/nonexistent/trace.pcap"), std::string::npos) << err;
}
