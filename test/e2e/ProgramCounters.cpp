#include "ProgramCounters.h"

#include <cstring>
#include <vector>

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <gtest/gtest.h>

namespace e2e {

namespace {

constexpr const char kPrefix[] = "entered_";

bpf_map *bssMap(bpf_object *obj) {
  bpf_map *map;
  bpf_object__for_each_map(map, obj) {
    std::string name = bpf_map__name(map);
    if (bpf_map__is_internal(map) && name.size() >= 4 && name.compare(name.size() - 4, 4, ".bss") == 0)
      return map;
  }
  return nullptr;
}

} // namespace

std::map<std::string, uint64_t> readEntryCounters(bpf_object *obj) {
  std::map<std::string, uint64_t> counters;
  bpf_map *bss = bssMap(obj);
  const btf *types = bpf_object__btf(obj);
  EXPECT_TRUE(bss && types) << "the program has no .bss with BTF";
  if (!bss || !types)
    return counters;
  std::vector<unsigned char> value(bpf_map__value_size(bss));
  uint32_t zero = 0;
  EXPECT_EQ(bpf_map_lookup_elem(bpf_map__fd(bss), &zero, value.data()), 0);
  int sec = btf__find_by_name_kind(types, ".bss", BTF_KIND_DATASEC);
  EXPECT_GT(sec, 0);
  if (sec <= 0)
    return counters;
  const btf_type *datasec = btf__type_by_id(types, sec);
  const btf_var_secinfo *var = btf_var_secinfos(datasec);
  for (unsigned i = 0; i < btf_vlen(datasec); ++i, ++var) {
    std::string name = btf__name_by_offset(types, btf__type_by_id(types, var->type)->name_off);
    if (name.rfind(kPrefix, 0) != 0 || var->size != sizeof(uint64_t))
      continue;
    uint64_t n;
    std::memcpy(&n, value.data() + var->offset, sizeof n);
    counters[name.substr(sizeof(kPrefix) - 1)] = n;
  }
  EXPECT_FALSE(counters.empty()) << "the program keeps no entered_* counters";
  return counters;
}

} // namespace e2e
