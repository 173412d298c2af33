// The arithmetic behind the probe calibration: per-round estimates become a
// mean and a spread, and rounds go on until the mean is known well enough.
#include "profile/Calibration.h"

#include <gtest/gtest.h>

using namespace inxpect;

TEST(RunCalibration, EstimateIsTheMeanAndTheSampleStandardDeviation) {
  Estimate e = estimateOf({2, 4, 4, 4, 5, 5, 7, 9});
  EXPECT_DOUBLE_EQ(e.mean, 5.0);
  EXPECT_NEAR(e.spread, 2.138089935, 1e-9); // sqrt(32 / 7)
}

TEST(RunCalibration, OneSampleHasNoSpreadAndNoneHasNoMean) {
  EXPECT_DOUBLE_EQ(estimateOf({3.5}).mean, 3.5);
  EXPECT_DOUBLE_EQ(estimateOf({3.5}).spread, 0.0);
  EXPECT_DOUBLE_EQ(estimateOf({}).mean, 0.0);
}

TEST(RunCalibration, StableOnceTheStandardErrorIsSmall) {
  EXPECT_FALSE(stableEnough({80}, 0.01, 0.5)) << "one round says nothing of its spread";
  // mean 80, spread 10, 4 rounds: standard error 5, over 1% of 80 and 0.5.
  EXPECT_FALSE(stableEnough({70, 90, 70, 90}, 0.01, 0.5));
  // The same spread over 10000 rounds would not do either; a tight one does.
  EXPECT_TRUE(stableEnough({79.9, 80.1, 79.9, 80.1}, 0.01, 0.5));
  // Near zero the relative test cannot be met: the absolute floor ends it.
  EXPECT_TRUE(stableEnough({0.1, -0.1, 0.1, -0.1}, 0.01, 0.5));
}
