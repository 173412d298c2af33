// The interval compare puts on a change: the percentile bootstrap of the
// change of medians, on inputs whose answer is known.
#include "profile/ChangeInterval.h"

#include <gtest/gtest.h>

using namespace inxpect;

TEST(RunChangeInterval, MedianOfOddAndEvenCounts) {
  EXPECT_EQ(medianOf({3, 1, 2}), 2);
  EXPECT_EQ(medianOf({4, 1, 3, 2}), 2.5);
  EXPECT_EQ(medianOf({}), 0);
}

// Rounds that agree (instruction counts) give an interval of zero width.
TEST(RunChangeInterval, RoundsThatAgreeGiveAZeroWidthInterval) {
  RelativeChange c = relativeChange(std::vector<double>(10, 100), std::vector<double>(10, 70));
  ASSERT_TRUE(c.change);
  EXPECT_DOUBLE_EQ(*c.change, -0.3);
  EXPECT_DOUBLE_EQ(c.low, -0.3);
  EXPECT_DOUBLE_EQ(c.high, -0.3);
  EXPECT_EQ(c.a, 100);
  EXPECT_EQ(c.b, 70);
}

// A fixed at 100, B's two rounds 90 and 110: a resample of B has the median
// 90 (a quarter of the time), 100 (half) or 110 (a quarter), so the middle
// 95% of the changes runs from exactly -10% to exactly +10%.
TEST(RunChangeInterval, TwoRoundsOfBGiveTheirRangeExactly) {
  RelativeChange c = relativeChange({100, 100}, {90, 110});
  ASSERT_TRUE(c.change);
  EXPECT_DOUBLE_EQ(*c.change, 0);
  EXPECT_NEAR(c.low, -0.1, 1e-12);
  EXPECT_NEAR(c.high, 0.1, 1e-12);
}

// Medians: one disturbed round in eight moves neither the change nor the
// interval (a resample holds it four times or more in about 1% of draws,
// under the 2.5% the interval leaves out).
TEST(RunChangeInterval, ADisturbedRoundDoesNotDecide) {
  RelativeChange c = relativeChange({100, 100, 100, 100, 100, 100, 100, 5000},
                                    {50, 50, 50, 50, 50, 50, 50, 50});
  ASSERT_TRUE(c.change);
  EXPECT_DOUBLE_EQ(*c.change, -0.5);
  EXPECT_DOUBLE_EQ(c.low, -0.5);
  EXPECT_DOUBLE_EQ(c.high, -0.5);
}

TEST(RunChangeInterval, SeparatedRoundsExcludeNoChange) {
  std::vector<double> a, b;
  for (int i = 0; i < 20; ++i) {
    a.push_back(100 + i % 5); // 100..104
    b.push_back(150 + i % 5); // 150..154
  }
  RelativeChange c = relativeChange(a, b);
  ASSERT_TRUE(c.change);
  EXPECT_NEAR(*c.change, 152.0 / 102.0 - 1, 1e-12);
  EXPECT_GT(c.low, 0.4);  // 150 / 104 - 1 = 0.44 at the least
  EXPECT_LT(c.high, 0.55); // 154 / 100 - 1 = 0.54 at the most
  EXPECT_LE(c.low, *c.change);
  EXPECT_GE(c.high, *c.change);
}

TEST(RunChangeInterval, OverlappingRoundsIncludeNoChange) {
  std::vector<double> a = {90, 95, 100, 105, 110, 92, 98, 102, 108, 100};
  std::vector<double> b = {110, 105, 100, 95, 90, 108, 102, 98, 92, 100};
  RelativeChange c = relativeChange(a, b);
  ASSERT_TRUE(c.change);
  EXPECT_DOUBLE_EQ(*c.change, 0);
  EXPECT_LT(c.low, 0);
  EXPECT_GT(c.high, 0);
}

TEST(RunChangeInterval, TheSameRoundsGiveTheSameInterval) {
  std::vector<double> a = {10, 12, 11, 13, 9}, b = {11, 14, 12, 10, 13};
  RelativeChange first = relativeChange(a, b), second = relativeChange(a, b);
  EXPECT_EQ(first.low, second.low);
  EXPECT_EQ(first.high, second.high);
}

TEST(RunChangeInterval, NoChangeRelativeToNothing) {
  EXPECT_FALSE(relativeChange({0, 0, 0}, {5, 5, 5}).change);
  EXPECT_FALSE(relativeChange({}, {5}).change);
  EXPECT_FALSE(relativeChange({5}, {}).change);
  // A's median is 1, but a resample of mostly zeros has a median of 0.
  EXPECT_FALSE(relativeChange({0, 1, 1}, {2, 2, 2}).change);
}

TEST(RunChangeInterval, TheLeastOfTheRounds) {
  EXPECT_EQ(statisticOf({3, 1, 2}, RoundStatistic::Least), 1);
  EXPECT_EQ(statisticOf({3, 1, 2}, RoundStatistic::Median), 2);
  EXPECT_EQ(statisticOf({}, RoundStatistic::Least), 0);
  EXPECT_STREQ(roundStatisticName(RoundStatistic::Least), "least");
  EXPECT_STREQ(roundStatisticName(RoundStatistic::Median), "median");
}

// Counted instructions (compare --deterministic): a timer interrupt taken
// inside a section adds its handler's instructions to that round. Three of
// eight rounds of B so disturbed move the median's interval off zero, not
// the least's: a resample of B is all disturbed rounds in (3/8)^8 = 0.04%
// of draws, far under the 2.5% the interval leaves out.
TEST(RunChangeInterval, TheLeastIgnoresRoundsThatOnlyGainedInstructions) {
  std::vector<double> a(8, 678), b = {189, 191.5, 189, 189, 190.2, 189, 189, 192};
  RelativeChange median = relativeChange(a, b, RoundStatistic::Median);
  ASSERT_TRUE(median.change);
  EXPECT_GT(median.high, median.low);
  RelativeChange least = relativeChange(a, b, RoundStatistic::Least);
  ASSERT_TRUE(least.change);
  EXPECT_EQ(least.a, 678);
  EXPECT_EQ(least.b, 189);
  EXPECT_DOUBLE_EQ(*least.change, 189.0 / 678 - 1);
  EXPECT_DOUBLE_EQ(least.low, *least.change);
  EXPECT_DOUBLE_EQ(least.high, *least.change);
}
