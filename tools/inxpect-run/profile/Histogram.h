// A section's distribution from the probes' log-linear buckets
// (INXPECT_HIST_BUCKETS in runtime/bpf/inxpect.h): the bucket a value falls
// in, the values a bucket holds, and the percentiles the buckets give.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace inxpect {

constexpr unsigned kHistogramBuckets = 256; // in the slot; the probes use the first 232
constexpr uint64_t kHistogramLimit = 0x7fffffff; // the top of the last bucket used

// The bucket the probes count `value` in: inxpect_hist_bucket() in inxpect.h
// (below 0, as a signed reading, in the first; above the limit in the last).
unsigned histogramBucket(uint64_t value);

// The values bucket `b` holds, [low, high].
struct BucketRange {
  uint64_t low = 0, high = 0;
};
BucketRange bucketRange(unsigned b);

// Percentiles and the maximum from bucket counts, each the middle of the
// bucket it falls in: within half a bucket (6.25%) of the true value.
struct Percentiles {
  double p50 = 0, p90 = 0, p99 = 0, max = 0;
};
std::optional<Percentiles> percentilesOf(const std::vector<uint64_t> &buckets);

} // namespace inxpect
