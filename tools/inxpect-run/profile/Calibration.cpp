#include "profile/Calibration.h"

#include <algorithm>
#include <cmath>

#include <bpf/libbpf.h>

#include "RunError.h"
#include "object/LoadedObject.h"
#include "profile/StatsReader.h"
#include "traffic/Replay.h"

namespace inxpect {

extern const unsigned char kCalibrationObject[];
extern const std::size_t kCalibrationObject_size;
extern const unsigned char kClockOnlyCalibrationObject[];
extern const std::size_t kClockOnlyCalibrationObject_size;

namespace {

// The sections of calibration.bpf.c.
constexpr unsigned kEmpty = 0, kOuter = 1, kInner = 8;
// A round runs each program this often; rounds go on until the estimate of
// the nested cost is stable (or the most rounds have run).
constexpr unsigned kRunsARound = 400, kMinRounds = 5, kMaxRounds = 40;
constexpr double kTolerance = 0.01;

double meanOf(const Snapshot &s, unsigned section) {
  const EventTotals &t = s.sections.at(section).at(0);
  if (!t.count)
    throw RunError("calibration: section " + std::to_string(section) +
                   " measured nothing: the runtime header and the runner disagree");
  return double(t.total) / t.count;
}

// One event measured with the loaded calibration object: its program of
// nested sections, and `emptyFd`, its program of one empty section.
ProbeCost calibrateEvent(const EventInfo &event, LiveProgram &program, int emptyFd) {
  EventInfo only = event;
  only.index = 0;
  only.sampleEvery = 1;
  program.config().configure({only}, std::vector<bool>(program.nsections(), true));
  StatsReader reader(program.statsLayout());
  // The smallest frame BPF_PROG_TEST_RUN takes: the programs never read it.
  std::vector<Packet> frame = {Packet(64, 0)};

  ProbeCost cost;
  cost.event = event.name;
  cost.unit = event.unit;
  std::vector<double> own, nested;
  do {
    Snapshot before = reader.snapshot();
    replayPackets(emptyFd, frame, kRunsARound);
    replayPackets(program.programFd(), frame, kRunsARound);
    Snapshot round = difference(reader.snapshot(), before);
    double empty = meanOf(round, kEmpty);
    own.push_back(empty);
    nested.push_back((meanOf(round, kOuter) - empty) / kInner);
  } while (own.size() < kMinRounds ||
           (own.size() < kMaxRounds && !stableEnough(nested, kTolerance, 0.5)));
  cost.own = estimateOf(own);
  cost.nested = estimateOf(nested);
  cost.rounds = own.size();
  return cost;
}

} // namespace

Estimate estimateOf(std::vector<double> samples) {
  Estimate e;
  // A round that an interrupt or a preemption hit reads far off: the
  // fifth of the rounds at each end are left out (from 5 rounds on).
  std::sort(samples.begin(), samples.end());
  std::size_t trim = samples.size() >= 5 ? samples.size() / 5 : 0;
  std::vector<double> kept(samples.begin() + trim, samples.end() - trim);
  if (kept.empty())
    return e;
  for (double s : kept)
    e.mean += s;
  e.mean /= kept.size();
  if (kept.size() < 2)
    return e;
  double squares = 0;
  for (double s : kept)
    squares += (s - e.mean) * (s - e.mean);
  e.spread = std::sqrt(squares / (kept.size() - 1));
  return e;
}

bool stableEnough(const std::vector<double> &samples, double tolerance, double floor) {
  if (samples.size() < 2)
    return false;
  Estimate e = estimateOf(samples);
  double standardError = e.spread / std::sqrt(double(samples.size()));
  return standardError <= floor || standardError <= tolerance * std::fabs(e.mean);
}

namespace {

Estimate pooledEstimate(const std::vector<Estimate> &estimates) {
  Estimate e;
  double low = estimates.front().mean, high = low;
  for (const Estimate &x : estimates) {
    e.mean += x.mean / estimates.size();
    e.spread = std::max(e.spread, x.spread);
    low = std::min(low, x.mean);
    high = std::max(high, x.mean);
  }
  e.spread = std::max(e.spread, (high - low) / 2);
  return e;
}

} // namespace

std::vector<ProbeCost> pooled(const std::vector<std::vector<ProbeCost>> &calibrations) {
  if (calibrations.empty())
    return {};
  std::vector<ProbeCost> costs = calibrations.front();
  for (std::size_t i = 0; i < costs.size(); ++i) {
    std::vector<Estimate> own, nested;
    costs[i].rounds = 0;
    for (const std::vector<ProbeCost> &c : calibrations)
      if (i < c.size()) {
        own.push_back(c[i].own);
        nested.push_back(c[i].nested);
        costs[i].rounds += c[i].rounds;
      }
    costs[i].own = pooledEstimate(own);
    costs[i].nested = pooledEstimate(nested);
  }
  return costs;
}

std::vector<ProbeCost> calibrateProbes(const std::vector<EventInfo> &events, bool clockOnly) {
  auto object = clockOnly ? LoadedObject::openMemory(kClockOnlyCalibrationObject,
                                                     kClockOnlyCalibrationObject_size,
                                                     "inxpect's clock-only calibration object",
                                                     "inxpect_calibrate_nested")
                          : LoadedObject::openMemory(kCalibrationObject, kCalibrationObject_size,
                                                     "inxpect's calibration object",
                                                     "inxpect_calibrate_nested");
  object->load();
  auto program = object->liveProgram();
  int emptyFd = bpf_program__fd(
      bpf_object__find_program_by_name(object->object(), "inxpect_calibrate_empty"));
  std::vector<ProbeCost> costs;
  for (const EventInfo &e : events)
    costs.push_back(calibrateEvent(e, *program, emptyFd));
  return costs;
}

} // namespace inxpect
