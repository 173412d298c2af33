// What the probes themselves add to the readings of each event, measured on
// this machine before a profile starts: the embedded calibration object
// (calibration.bpf.c, the same header and macros as a profiled program) is
// run with BPF_PROG_TEST_RUN, reading the profile's counter, round after
// round until the estimate is stable.
#pragma once

#include <string>
#include <vector>

#include "counters/CounterSource.h"

namespace inxpect {

// The mean of per-round estimates and their spread (sample standard
// deviation), in the event's unit, both over the rounds left once the fifth
// lowest and the fifth highest are set aside (interrupts, preemption).
struct Estimate {
  double mean = 0;
  double spread = 0;
};

struct ProbeCost {
  std::string event, unit;
  // What a section's own probes leave inside its reading: an empty
  // section's mean.
  Estimate own;
  // What one section entered inside another adds to the outer one's reading
  // (its probes whole, its counter reads included).
  Estimate nested;
  unsigned rounds = 0;
};

// The trimmed mean and spread of `samples` (spread 0 for fewer than two).
Estimate estimateOf(std::vector<double> samples);

// True once `samples` estimate their mean to within `tolerance` (relative
// standard error), or to within `floor` in the event's unit.
bool stableEnough(const std::vector<double> &samples, double tolerance, double floor);

// Calibrations of the same events taken while one measurement ran (before
// and after a replay; every so often in a live profile) as one: the mean
// of their means, and a spread that covers both the rounds' spreads and
// how far apart the calibrations are (the cost of a clock read can change
// while a profile runs).
std::vector<ProbeCost> pooled(const std::vector<std::vector<ProbeCost>> &calibrations);

// Measures the probes' cost for each of `events` (as armed for the profile),
// with probes built as the program's were: `clockOnly` for those built
// without kfuncs (CounterSource::clockOnly()). Needs what loading a program
// needs (root). Throws RunError.
std::vector<ProbeCost> calibrateProbes(const std::vector<EventInfo> &events,
                                       bool clockOnly = false);

} // namespace inxpect
