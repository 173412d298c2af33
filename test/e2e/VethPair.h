// A veth pair for live tests: one end in the root namespace, where the
// program under test is attached, the other in a network namespace the test
// creates, from which it sends packets. Addresses are private to the pair;
// IPv6 is off and neighbours are static, so the only packets on the wire are
// the ones the test sends. Everything is removed in the destructor, also when
// the test fails.
#pragma once

#include <string>

namespace e2e {

class VethPair {
public:
  // `tag` (a few letters) keeps names of concurrent tests apart. Fails the
  // current test if the pair cannot be set up.
  explicit VethPair(const std::string &tag);
  ~VethPair();
  VethPair(const VethPair &) = delete;
  VethPair &operator=(const VethPair &) = delete;

  const std::string &hostDevice() const { return host_; }     // where XDP goes
  const std::string &hostAddress() const { return hostIp_; }  // ping this
  // Sends `count` ICMP echo requests from the namespace to the host end.
  void ping(unsigned count) const;
  // The XDP program ids on the host end, "" when none ("ip link" output).
  std::string xdpOnHostDevice() const;

private:
  std::string ns_, host_, peer_, hostIp_, peerIp_;
};

} // namespace e2e
