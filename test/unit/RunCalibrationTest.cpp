// The arithmetic behind the probe calibration: per-round estimates become a
// mean and a spread, and rounds go on until the mean is known well enough.
#include "profile/Calibration.h"

#include <gtest/gtest.h>

using namespace inxpect;

TEST(RunCalibration, EstimateIsTheMeanAndTheSampleStandardDeviation) {
  Estimate e = estimateOf({2, 4, 4, 4});
  EXPECT_DOUBLE_EQ(e.mean, 3.5);
  EXPECT_NEAR(e.spread, 1.0, 1e-12); // sqrt(3 / 3)
}

TEST(RunCalibration, TheFifthOfRoundsAtEachEndIsSetAside) {
  // One round an interrupt hit, one oddly fast: neither moves the estimate.
  Estimate e = estimateOf({80, 81, 1000, 79, 80, 80, 81, 79, 80, 3});
  EXPECT_DOUBLE_EQ(e.mean, 80.0);
  EXPECT_NEAR(e.spread, 0.632455532, 1e-9); // {79, 80, 80, 80, 80, 81}: sqrt(2 / 5)
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
  // A tight one does.
  EXPECT_TRUE(stableEnough({79.9, 80.1, 79.9, 80.1}, 0.01, 0.5));
  // Near zero the relative test cannot be met: the absolute floor ends it.
  EXPECT_TRUE(stableEnough({0.1, -0.1, 0.1, -0.1}, 0.01, 0.5));
}

TEST(RunCalibration, BeforeAndAfterAMeasurementMakeOneEstimate) {
  ProbeCost before, after;
  before.own = {40, 0.5};
  before.nested = {80, 1};
  before.rounds = 5;
  after.own = {52, 0.5};
  after.nested = {81, 2};
  after.rounds = 6;
  std::vector<ProbeCost> both = bracketed({before}, {after});
  ASSERT_EQ(both.size(), 1u);
  EXPECT_DOUBLE_EQ(both[0].own.mean, 46.0);
  EXPECT_DOUBLE_EQ(both[0].own.spread, 6.0) << "half the gap: the cost moved in between";
  EXPECT_DOUBLE_EQ(both[0].nested.mean, 80.5);
  EXPECT_DOUBLE_EQ(both[0].nested.spread, 2.0) << "the rounds' spread when it is the larger";
  EXPECT_EQ(both[0].rounds, 11u);
}
