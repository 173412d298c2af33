// The runner's side of the probes' histogram: which bucket a value falls
// in, what a bucket holds, and the percentiles that come out of counts.
#include "profile/Histogram.h"

#include <gtest/gtest.h>

using namespace inxpect;

TEST(RunHistogram, SmallValuesHaveABucketEach) {
  for (uint64_t v = 0; v < 16; ++v) {
    EXPECT_EQ(histogramBucket(v), v);
    EXPECT_EQ(bucketRange(unsigned(v)).low, v);
    EXPECT_EQ(bucketRange(unsigned(v)).high, v);
  }
}

TEST(RunHistogram, EightBucketsAPowerOfTwo) {
  EXPECT_EQ(histogramBucket(16), 16u);
  EXPECT_EQ(histogramBucket(17), 16u);
  EXPECT_EQ(histogramBucket(31), 23u);
  EXPECT_EQ(histogramBucket(32), 24u);
  EXPECT_EQ(histogramBucket(1000), 8u * 6 + (1000 >> 6)); // 1000: top bit 9, shift 6
  EXPECT_EQ(bucketRange(histogramBucket(1000)).low, 960u);
  EXPECT_EQ(bucketRange(histogramBucket(1000)).high, 1023u);
}

TEST(RunHistogram, BucketsTileTheRangeNoWiderThanAnEighth) {
  const unsigned last = histogramBucket(kHistogramLimit);
  EXPECT_EQ(last, 231u);
  for (unsigned b = 0; b <= last; ++b) {
    BucketRange r = bucketRange(b);
    EXPECT_EQ(histogramBucket(r.low), b);
    EXPECT_EQ(histogramBucket(r.high), b);
    if (b < last) {
      EXPECT_EQ(r.high + 1, bucketRange(b + 1).low) << "bucket " << b;
    }
    if (b < 16) {
      EXPECT_EQ(r.high, r.low) << "bucket " << b;
    } else {
      EXPECT_LE(r.high - r.low + 1, r.low / 8) << "bucket " << b;
    }
  }
  EXPECT_EQ(bucketRange(last).high, kHistogramLimit);
}

TEST(RunHistogram, BelowZeroAndPastTheLimitGoToTheEnds) {
  EXPECT_EQ(histogramBucket(uint64_t(-3)), 0u) << "a correction past the reading is 0";
  EXPECT_EQ(histogramBucket(kHistogramLimit + 1), 231u);
  EXPECT_EQ(histogramBucket(uint64_t(1) << 62), 231u);
}

TEST(RunHistogram, PercentilesAreTheMiddleOfTheirBucket) {
  std::vector<uint64_t> buckets(kHistogramBuckets, 0);
  buckets[5] = 90;                    // 90 entries of 5
  buckets[histogramBucket(1000)] = 9; // 9 of 960..1023
  buckets[histogramBucket(5000)] = 1; // 1 of 4608..5119
  std::optional<Percentiles> p = percentilesOf(buckets);
  ASSERT_TRUE(p);
  EXPECT_DOUBLE_EQ(p->p50, 5);
  EXPECT_DOUBLE_EQ(p->p90, 5) << "rank 90 of 100 is the last 5";
  EXPECT_DOUBLE_EQ(p->p99, (960 + 1023) / 2.0);
  EXPECT_DOUBLE_EQ(p->max, (4608 + 5119) / 2.0);
}

TEST(RunHistogram, NoEntriesNoPercentiles) {
  EXPECT_FALSE(percentilesOf(std::vector<uint64_t>(kHistogramBuckets, 0)));
  EXPECT_FALSE(percentilesOf({}));
}
