// Loads programs/live.c's object the way another tool would (libbpf,
// attached by netlink as `ip link set dev D xdp obj` does, its tail-call
// slot filled), and keeps it attached until destroyed or unloaded.
#pragma once

#include <cstdint>
#include <map>
#include <string>

struct bpf_object;

namespace e2e {

class OtherLoader {
public:
  // Fails the test (gtest assertions) when the object does not load.
  OtherLoader(const std::string &object, const std::string &device) { load(object, device); }
  ~OtherLoader() { unload(); }
  OtherLoader(const OtherLoader &) = delete;
  OtherLoader &operator=(const OtherLoader &) = delete;

  // Detaches the program and closes the object: the kernel unloads it
  // unless someone else holds it.
  void unload();
  uint32_t programId() const { return id_; }
  bpf_object *object() const { return obj_; }
  // The program's own counters (programs/e2e_count.h), by section name.
  std::map<std::string, uint64_t> counters() const;

private:
  void load(const std::string &object, const std::string &device);

  bpf_object *obj_ = nullptr;
  int ifindex_ = 0;
  uint32_t id_ = 0;
};

} // namespace e2e
