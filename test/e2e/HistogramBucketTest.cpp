// The probes' histogram buckets (inxpect_hist_bucket in inxpect.h, run in
// the kernel) against the runner's (histogramBucket), on values at and
// around every power of two, below 0 and past the last bucket.
#include <cstring>
#include <string>
#include <vector>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <gtest/gtest.h>

#include "ProgramBuild.h"
#include "RequireRoot.h"
#include "profile/Histogram.h"

namespace {

constexpr std::size_t kValues = 256; // NVALUES in programs/hist_bucket.c

std::vector<uint64_t> valuesToBin() {
  std::vector<uint64_t> v = {0, uint64_t(-1), uint64_t(-1000), uint64_t(1) << 63,
                             (uint64_t(1) << 63) - 1};
  for (unsigned k = 1; k < 40 && v.size() + 6 <= kValues; ++k) {
    uint64_t p = uint64_t(1) << k;
    for (uint64_t x : {p - 1, p, p + 1, p + p / 2, p + p / 8 - 1, p + p / 8})
      v.push_back(x);
  }
  v.resize(kValues, 12345);
  return v;
}

// The map libbpf made of the object's `section` (".data.values").
bpf_map *globalData(bpf_object *obj, const char *section) {
  bpf_map *map;
  bpf_object__for_each_map(map, obj) {
    std::string name = bpf_map__name(map);
    if (name.size() >= std::strlen(section) &&
        name.compare(name.size() - std::strlen(section), std::string::npos, section) == 0)
      return map;
  }
  return nullptr;
}

TEST(HistogramBucket, TheKernelsBucketsAreTheRunners) {
  REQUIRE_ROOT_FOR_BPF();
  std::string work = e2e::makeWorkDir("HistogramBucket");
  std::string object = work + "/hist_bucket.o", output;
  ASSERT_EQ(e2e::runCommand(std::string(E2E_CLANG) + " -target bpf -O2 -g -Wall -Werror -I " +
                                E2E_RUNTIME_DIR + " -c " + E2E_PROGRAM_DIR +
                                "/hist_bucket.c -o " + object + " 2>&1",
                            output),
            0)
      << output;
  bpf_object *obj = bpf_object__open_file(object.c_str(), nullptr);
  ASSERT_NE(obj, nullptr);
  std::vector<uint64_t> values = valuesToBin();
  bpf_map *data = globalData(obj, ".data.values");
  ASSERT_NE(data, nullptr);
  ASSERT_EQ(bpf_map__set_initial_value(data, values.data(), kValues * sizeof(uint64_t)), 0);
  ASSERT_EQ(bpf_object__load(obj), 0) << "the verifier refused inxpect_hist_bucket";

  unsigned char frame[64] = {};
  LIBBPF_OPTS(bpf_test_run_opts, run, .data_in = frame, .data_size_in = sizeof frame,
              .repeat = 1);
  int fd = bpf_program__fd(bpf_object__find_program_by_name(obj, "hist_buckets"));
  ASSERT_EQ(bpf_prog_test_run_opts(fd, &run), 0);
  ASSERT_EQ(run.retval, 2u);
  bpf_map *out = globalData(obj, ".data.buckets");
  ASSERT_NE(out, nullptr);
  std::vector<uint32_t> buckets(kValues);
  uint32_t zero = 0;
  ASSERT_EQ(bpf_map_lookup_elem(bpf_map__fd(out), &zero, buckets.data()), 0);
  for (std::size_t i = 0; i < kValues; ++i)
    EXPECT_EQ(buckets[i], inxpect::histogramBucket(values[i])) << "value " << values[i];
  bpf_object__close(obj);
}

} // namespace
