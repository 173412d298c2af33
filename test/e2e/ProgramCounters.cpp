#include "ProgramCounters.h"

#include <cstring>

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <gtest/gtest.h>

namespace e2e {

namespace {

constexpr const char kPrefix[] = "entered_";
constexpr const char kLineArray[] = "entered_line";
constexpr const char kRuns[] = "e2e_runs";
constexpr const char kTailCalls[] = "e2e_tail_calls";

bpf_map *bssMap(bpf_object *obj) {
  bpf_map *map;
  bpf_object__for_each_map(map, obj) {
    std::string name = bpf_map__name(map);
    if (bpf_map__is_internal(map) && name.size() >= 4 && name.compare(name.size() - 4, 4, ".bss") == 0)
      return map;
  }
  return nullptr;
}

uint64_t readU64(const std::vector<unsigned char> &bss, size_t offset) {
  uint64_t n;
  std::memcpy(&n, bss.data() + offset, sizeof n);
  return n;
}

} // namespace

ProgramCounters readProgramCounters(bpf_object *obj) {
  ProgramCounters counters;
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
  bool sawLines = false, sawRuns = false;
  uint64_t entries = 0, tailCalls = 0;
  for (unsigned i = 0; i < btf_vlen(datasec); ++i, ++var) {
    std::string name = btf__name_by_offset(types, btf__type_by_id(types, var->type)->name_off);
    if (name == kLineArray) {
      for (size_t at = 0; at + sizeof(uint64_t) <= var->size; at += sizeof(uint64_t))
        counters.byLine.push_back(readU64(value, var->offset + at));
      sawLines = true;
    } else if (name == kRuns) {
      entries = readU64(value, var->offset);
      sawRuns = true;
    } else if (name == kTailCalls) {
      tailCalls = readU64(value, var->offset);
    } else if (name.rfind(kPrefix, 0) == 0 && var->size == sizeof(uint64_t)) {
      counters.byName[name.substr(sizeof(kPrefix) - 1)] = readU64(value, var->offset);
    }
  }
  // A program reached by a tail call goes on with the caller's run.
  counters.runs = entries - tailCalls;
  EXPECT_FALSE(counters.byName.empty()) << "the program keeps no entered_<name> counters";
  EXPECT_TRUE(sawLines) << "the program has no entered_line[] (include e2e_count.h)";
  EXPECT_TRUE(sawRuns) << "the program has no e2e_runs (include e2e_count.h)";
  return counters;
}

} // namespace e2e
