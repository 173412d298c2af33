#include "OtherLoader.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <gtest/gtest.h>
#include <linux/if_link.h>
#include <net/if.h>

#include "ProgramCounters.h"

namespace e2e {

void OtherLoader::load(const std::string &object, const std::string &device) {
  obj_ = bpf_object__open_file(object.c_str(), nullptr);
  ASSERT_TRUE(obj_) << object;
  ASSERT_EQ(bpf_object__load(obj_), 0) << "loading " << object;
  int entry = bpf_program__fd(bpf_object__find_program_by_name(obj_, "xdp_live"));
  int tail = bpf_program__fd(bpf_object__find_program_by_name(obj_, "xdp_tail"));
  uint32_t zero = 0;
  ASSERT_EQ(bpf_map_update_elem(bpf_map__fd(bpf_object__find_map_by_name(obj_, "jump")), &zero,
                                &tail, BPF_ANY),
            0);
  ifindex_ = if_nametoindex(device.c_str());
  ASSERT_EQ(bpf_xdp_attach(ifindex_, entry, XDP_FLAGS_DRV_MODE, nullptr), 0);
  bpf_prog_info info{};
  uint32_t len = sizeof info;
  ASSERT_EQ(bpf_obj_get_info_by_fd(entry, &info, &len), 0);
  id_ = info.id;
}

void OtherLoader::unload() {
  if (ifindex_)
    bpf_xdp_detach(ifindex_, XDP_FLAGS_DRV_MODE, nullptr);
  ifindex_ = 0;
  bpf_object__close(obj_);
  obj_ = nullptr;
}

std::map<std::string, uint64_t> OtherLoader::counters() const {
  return readProgramCounters(obj_).byName;
}

} // namespace e2e
