// The arithmetic behind the probe calibration: per-round estimates become a
// mean and a spread, and rounds go on until the mean is known well enough.
#include "profile/Calibration.h"

#include <gtest/gtest.h>

#include "Manifest.h"
#include "object/LoadedObject.h"

using namespace inxpect;

namespace inxpect { // embedded in the runner (tools/inxpect-run/CMakeLists.txt)
extern const unsigned char kCalibrationObject[];
extern const std::size_t kCalibrationObject_size;
extern const unsigned char kClockOnlyCalibrationObject[];
extern const std::size_t kClockOnlyCalibrationObject_size;
} // namespace inxpect

// While a session calibrates, its calibration programs are loaded like any
// instrumented program: inxpect-run list must be able to name their sections.
TEST(RunCalibration, TheCalibrationObjectsEmbedACompleteTable) {
  for (auto [data, size] : {std::pair{kCalibrationObject, kCalibrationObject_size},
                            std::pair{kClockOnlyCalibrationObject, kClockOnlyCalibrationObject_size}}) {
    auto object = LoadedObject::openMemory(data, size, "calibration", "inxpect_calibrate_nested");
    Manifest table = manifestFromSelfDescription(object->layout().selfDescription);
    ASSERT_EQ(table.sections.size(), object->layout().nsections);
    EXPECT_EQ(table.sections[0].name, "empty");
    EXPECT_EQ(table.sections[0].function, "inxpect_calibrate_empty");
    EXPECT_EQ(table.sections[9].function, "inner_7");
  }
}

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
  std::vector<ProbeCost> both = pooled({{before}, {after}});
  ASSERT_EQ(both.size(), 1u);
  EXPECT_DOUBLE_EQ(both[0].own.mean, 46.0);
  EXPECT_DOUBLE_EQ(both[0].own.spread, 6.0) << "half the gap: the cost moved in between";
  EXPECT_DOUBLE_EQ(both[0].nested.mean, 80.5);
  EXPECT_DOUBLE_EQ(both[0].nested.spread, 2.0) << "the rounds' spread when it is the larger";
  EXPECT_EQ(both[0].rounds, 11u);
}

TEST(RunCalibration, ALiveProfilesCalibrationsPoolIntoOne) {
  auto at = [](double own, double nested) {
    ProbeCost c;
    c.own = {own, 0.5};
    c.nested = {nested, 0.5};
    c.rounds = 5;
    return std::vector<ProbeCost>{c};
  };
  // The clock's cost moved from 41 to 53 ns a read and back.
  std::vector<ProbeCost> all = pooled({at(41, 80), at(53, 100), at(41, 81), at(41, 79)});
  ASSERT_EQ(all.size(), 1u);
  EXPECT_DOUBLE_EQ(all[0].own.mean, 44.0);
  EXPECT_DOUBLE_EQ(all[0].own.spread, 6.0) << "half the range the calibrations covered";
  EXPECT_DOUBLE_EQ(all[0].nested.mean, 85.0);
  EXPECT_DOUBLE_EQ(all[0].nested.spread, 10.5);
  EXPECT_EQ(all[0].rounds, 20u);
  EXPECT_TRUE(pooled({}).empty());
}
