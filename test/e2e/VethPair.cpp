#include "VethPair.h"

#include <unistd.h>

#include <gtest/gtest.h>

#include "ProgramBuild.h"

namespace e2e {

namespace {

void mustRun(const std::string &command) {
  std::string out;
  ASSERT_EQ(runCommand(command + " 2>&1", out), 0) << command << "\n" << out;
}

} // namespace

VethPair::VethPair(const std::string &tag) {
  // Interface names have 15 characters at most: tag + pid fits.
  std::string id = tag.substr(0, 4) + std::to_string(::getpid() % 100000);
  ns_ = "inxpect-" + id;
  host_ = "ix" + id + "h";
  peer_ = "ix" + id + "p";
  // A /30 from 10.250.0.0/16 per test tag, so two tests never share one.
  unsigned net = 0;
  for (char c : tag)
    net = (net * 31 + static_cast<unsigned char>(c)) % 16000;
  std::string prefix = "10.250." + std::to_string(net / 64) + ".";
  hostIp_ = prefix + std::to_string((net % 64) * 4 + 1);
  peerIp_ = prefix + std::to_string((net % 64) * 4 + 2);

  std::string out;
  runCommand("ip netns del " + ns_ + " 2>&1; ip link del " + host_ + " 2>&1", out);
  std::string inNs = "ip netns exec " + ns_ + " ";
  mustRun("ip netns add " + ns_);
  mustRun("ip link add " + host_ + " type veth peer name " + peer_ + " netns " + ns_);
  // IPv6 off before the links come up: no router solicitations, no MLD.
  mustRun("sysctl -qw net.ipv6.conf." + host_ + ".disable_ipv6=1");
  mustRun(inNs + "sysctl -qw net.ipv6.conf." + peer_ + ".disable_ipv6=1");
  mustRun("ip addr add " + hostIp_ + "/30 dev " + host_);
  mustRun("ip -n " + ns_ + " addr add " + peerIp_ + "/30 dev " + peer_);
  // Static neighbours: no ARP requests or probes between the test's packets.
  std::string hostMac, peerMac;
  runCommand("cat /sys/class/net/" + host_ + "/address", hostMac);
  runCommand(inNs + "cat /sys/class/net/" + peer_ + "/address", peerMac);
  hostMac.erase(hostMac.find_last_not_of("\n") + 1);
  peerMac.erase(peerMac.find_last_not_of("\n") + 1);
  mustRun("ip neigh replace " + peerIp_ + " lladdr " + peerMac + " dev " + host_ + " nud permanent");
  mustRun("ip -n " + ns_ + " neigh replace " + hostIp_ + " lladdr " + hostMac + " dev " + peer_ +
          " nud permanent");
  mustRun("ip link set " + host_ + " up");
  mustRun("ip -n " + ns_ + " link set " + peer_ + " up");
}

VethPair::~VethPair() {
  std::string out;
  runCommand("ip link del " + host_ + " 2>&1", out);
  runCommand("ip netns del " + ns_ + " 2>&1", out);
}

void VethPair::ping(unsigned count) const {
  std::string out;
  // Replies may be lost to a program under test; the requests are what count.
  runCommand("ip netns exec " + ns_ + " ping -q -n -c " + std::to_string(count) + " -i 0.05 -W 1 " +
                 hostIp_ + " 2>&1",
             out);
}

std::string VethPair::xdpOnHostDevice() const {
  std::string out;
  runCommand("ip -d link show dev " + host_ + " 2>&1", out);
  std::size_t at = out.find("prog/xdp");
  return at == std::string::npos ? "" : out.substr(at, out.find('\n', at) - at);
}

} // namespace e2e
