#include "profile/Histogram.h"

#include <algorithm>
#include <cmath>

namespace inxpect {

namespace {

unsigned topBit(uint64_t v) { return 63 - __builtin_clzll(v); }

// The middle of a bucket, in the unit of its values.
double middle(unsigned b) {
  BucketRange r = bucketRange(b);
  return (double(r.low) + double(r.high)) / 2;
}

} // namespace

unsigned histogramBucket(uint64_t value) {
  if (int64_t(value) < 0)
    return 0;
  if (value > kHistogramLimit)
    value = kHistogramLimit;
  unsigned shift = topBit(value | 15) - 3;
  return 8 * shift + unsigned(value >> shift);
}

BucketRange bucketRange(unsigned b) {
  if (b < 16)
    return {b, b};
  // Bucket 8 * shift + top, with top (the value's 4 top bits) in 8..15.
  unsigned shift = b / 8 - 1, top = b % 8 + 8;
  uint64_t low = uint64_t(top) << shift;
  return {low, low + (uint64_t(1) << shift) - 1};
}

std::optional<Percentiles> percentilesOf(const std::vector<uint64_t> &buckets) {
  uint64_t n = 0;
  for (uint64_t c : buckets)
    n += c;
  if (!n)
    return std::nullopt;
  // The value of rank ceil(q n), counted from the lowest.
  auto at = [&](double q) {
    uint64_t rank = std::max<uint64_t>(1, uint64_t(std::ceil(q * double(n))));
    uint64_t seen = 0;
    for (unsigned b = 0; b < buckets.size(); ++b) {
      seen += buckets[b];
      if (seen >= rank)
        return middle(b);
    }
    return middle(unsigned(buckets.size()) - 1);
  };
  Percentiles p;
  p.p50 = at(0.50);
  p.p90 = at(0.90);
  p.p99 = at(0.99);
  p.max = at(1.0);
  return p;
}

} // namespace inxpect
