#include "profile/ChangeInterval.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <utility>

namespace inxpect {

double medianOf(std::vector<double> values) {
  if (values.empty())
    return 0;
  std::size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + mid, values.end());
  double upper = values[mid];
  if (values.size() % 2)
    return upper;
  double lower = *std::max_element(values.begin(), values.begin() + mid);
  return (lower + upper) / 2;
}

const char *roundStatisticName(RoundStatistic statistic) {
  return statistic == RoundStatistic::Least ? "least" : "median";
}

double statisticOf(std::vector<double> values, RoundStatistic statistic) {
  if (statistic == RoundStatistic::Median || values.empty())
    return medianOf(std::move(values));
  return *std::min_element(values.begin(), values.end());
}

namespace {

// The q-quantile of sorted values, interpolated between neighbours.
double quantileOfSorted(const std::vector<double> &sorted, double q) {
  double position = q * double(sorted.size() - 1);
  std::size_t below = std::size_t(std::floor(position));
  std::size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (position - double(below)) * (sorted[above] - sorted[below]);
}

std::vector<double> resample(const std::vector<double> &values, std::mt19937_64 &random) {
  std::uniform_int_distribution<std::size_t> pick(0, values.size() - 1);
  std::vector<double> out(values.size());
  for (double &v : out)
    v = values[pick(random)];
  return out;
}

} // namespace

RelativeChange relativeChange(const std::vector<double> &a, const std::vector<double> &b,
                              RoundStatistic statistic, unsigned resamples) {
  RelativeChange result;
  result.a = statisticOf(a, statistic);
  result.b = statisticOf(b, statistic);
  if (a.empty() || b.empty() || result.a <= 0 || resamples == 0)
    return result;
  std::mt19937_64 random(0x696e787065637421); // "inxpect!": fixed, so reruns agree
  std::vector<double> changes;
  changes.reserve(resamples);
  for (unsigned i = 0; i < resamples; ++i) {
    double resampledA = statisticOf(resample(a, random), statistic);
    if (resampledA <= 0)
      return result;
    changes.push_back(statisticOf(resample(b, random), statistic) / resampledA - 1);
  }
  std::sort(changes.begin(), changes.end());
  result.change = result.b / result.a - 1;
  result.low = quantileOfSorted(changes, 0.025);
  result.high = quantileOfSorted(changes, 0.975);
  return result;
}

} // namespace inxpect
