// How much B's cost differs from A's, from the rounds of an interleaved
// comparison (inxpect-run compare), with a 95% confidence interval: the
// percentile bootstrap of the change of medians (or of the least rounds,
// RoundStatistic); the bootstrap, because the change is a ratio and per-round costs are not normal (a floor
// and a long tail), which Welch's interval on a difference would assume.
#pragma once

#include <optional>
#include <vector>

namespace inxpect {

// What stands for a build's rounds. The median, because a round an
// interrupt or a migration disturbed must not decide. The least, where the
// costs are instructions counted (compare --deterministic): there noise
// (a timer interrupt taken inside a section) only ever adds, so the least
// round is the undisturbed count, and the interval is zero wide unless
// most rounds were disturbed.
enum class RoundStatistic { Median, Least };
const char *roundStatisticName(RoundStatistic statistic); // "median", "least"

struct RelativeChange {
  double a = 0, b = 0;          // the statistic of A's and of B's rounds
  std::optional<double> change; // b / a - 1 (-0.3: 30% cheaper); none when a is 0
  double low = 0, high = 0;     // the 95% interval of change, when there is one
};

// The median; 0 for no values.
double medianOf(std::vector<double> values);
// The median or the least; 0 for no values.
double statisticOf(std::vector<double> values, RoundStatistic statistic);

// A's and B's rounds are resampled independently, with replacement, each to
// its own size, `resamples` times, from a fixed seed (the same rounds give
// the same interval); the interval holds the middle 95% of the resampled
// changes of `statistic`. Where the rounds agree it has zero width. No
// change for empty rounds, or where some resample of A has a statistic of 0
// (B's cost relative to nothing).
RelativeChange relativeChange(const std::vector<double> &a, const std::vector<double> &b,
                              RoundStatistic statistic = RoundStatistic::Median,
                              unsigned resamples = 10000);

} // namespace inxpect
