// The figures of a profile at one moment: what every view (table, JSON
// lines, CSV, Prometheus) shows, for replay, run and attach alike, computed
// once here; and a replay's Report, shown through the same views.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "counters/CounterSource.h"
#include "profile/Calibration.h"
#include "profile/Histogram.h"
#include "profile/SectionTable.h"
#include "profile/StatsReader.h"
#include "traffic/Replay.h"

namespace inxpect {

// What a replay ran: its packets, passes and the verdicts they got.
struct ReplayTraffic {
  std::size_t packets = 0; // packets a pass
  unsigned passes = 0;
  VerdictTally verdicts;
};

// What stays the same for the whole profile.
struct ProfileInfo {
  std::string command;  // "replay", "run", "attach"
  std::string object;   // object path, or "" for a program loaded by someone else
  std::string program;  // the entry program's name
  uint32_t programId = 0;
  std::string device;   // run: the interface
  CounterSource counter;
  std::vector<EventInfo> events;
  SectionTable sections;
  std::vector<bool> sectionOn; // by id: switched on (--sections)
  unsigned ncpus = 0;
  std::string statsLayout = "cpu-slots"; // statsKindName() of inxpect_stats
  std::optional<ReplayTraffic> replay;   // replay only
  std::vector<ProbeCost> probeCost;      // by event, as info.events
};

struct EventFigures {
  std::string name, unit;
  uint64_t count = 0, total = 0; // entries timed, their readings
  uint64_t nested = 0;        // entries inside those (untimed), at any depth
  std::optional<double> mean; // total / count, none when never measured
  // The mean with the probes taken out (its own and those of the sections
  // measured inside it, as calibrated); none without a calibration.
  std::optional<double> inclusiveMean;
  // The inclusive mean is within the calibration's error: about 0, or
  // clamped from below 0. No more precise than that.
  bool uncertain = false;
  double inclusiveError = 0; // Corrected::error of the inclusive mean
  // In the runs that timed the depth below it: its entries, its direct
  // children timed, their readings and their nested entries.
  uint64_t passes = 0, children = 0, childrenTotal = 0, childrenNested = 0;
  // Its own cost an entry: the inclusive mean less that of the sections
  // measured directly inside, probes taken out; none without a calibration
  // or where the object keeps no self figures.
  std::optional<double> selfMean;
  bool selfUncertain = false;
  double selfError = 0;
  // An entry's cost, the probes taken out entry by entry, at the median,
  // the 90th and 99th percentiles and the most; none without a calibration
  // or where the object keeps no histogram.
  std::optional<Percentiles> distribution;
};

// A section's timed entries for the first event made directly inside one
// section (its parent at run time): how many, and what they cost with the
// probes taken out (clamped at 0). profile/CallStacks splits costs by these.
struct ParentFigures {
  uint64_t count = 0;
  double inclusive = 0;
};

struct SectionFigures {
  const SectionRow *row = nullptr;
  bool on = true;
  uint64_t count = 0;                  // entries since the start, timed or not
  double perSecond = 0;                // entries a second in the last interval
  std::optional<double> shareOfParent; // first event's total / the parent's
  std::vector<EventFigures> events;
  std::vector<uint64_t> perCpu;        // entries by CPU since the start
  // By the section it was entered directly inside, for the first event:
  // [0] with none around it (the run's first depth), [1 + id] inside
  // section id. Empty without a calibration, or where the object keeps none.
  std::vector<ParentFigures> byParent;
};

struct ProfileFigures {
  bool final = false;
  double elapsedSeconds = 0;  // since profiling started
  double intervalSeconds = 0; // since the previous figures
  uint64_t runs = 0;          // entry-program runs since the start
  double runsPerSecond = 0;   // in the last interval
  double runsPerSecondOverall = 0; // since the profile started
  std::vector<SectionFigures> sections;
};

// A section's inclusive mean for one event: (total - count x own - nested x
// nested cost) / count, clamped at 0, and whether it is within the error of
// that subtraction (the calibration's spreads, and a quarter of what is
// subtracted for the probes' cost varying from place to place). None for
// no entries.
struct Corrected {
  double mean = 0;
  bool uncertain = false;
  double error = 0; // the subtraction's error, in the event's unit (uncertain: mean <= error)
};
std::optional<Corrected> correctedMean(const EventTotals &totals, const ProbeCost &cost);

// A section's self mean for one event: its inclusive mean less its direct
// children's inclusive cost an entry (from the runs that timed them: their
// readings less own and nested x nested cost, over the section's passes),
// clamped at 0, uncertain likewise. None without entries, or where children
// were seen inside it (nested) but no run has timed them yet.
std::optional<Corrected> correctedSelfMean(const EventTotals &totals, const ProbeCost &cost);

// A section's entries in `s`: timed for the measured `events` (others are
// off) and untimed.
uint64_t sectionEntries(const Snapshot &s, unsigned id, const std::vector<EventInfo> &events);

// Figures from the counts since the start (`total`) and in the last
// interval (`interval`, over `intervalSeconds`).
ProfileFigures computeFigures(const ProfileInfo &info, const Snapshot &total,
                              const Snapshot &interval, double elapsedSeconds,
                              double intervalSeconds, bool final);

// What a replay found: the profile it ran and the statistics at its end.
struct Report {
  ProfileInfo info;          // info.replay: the packets, passes and verdicts
  Snapshot stats;            // since profiling started; stats.runs = entry-program runs
  double elapsedSeconds = 0; // how long the packets took to run

  // The final figures, as a live profile's last report has them.
  ProfileFigures figures() const;
};

// A section's count: entries measured, summed over the measured events.
uint64_t sectionCount(const Report &report, unsigned sectionId);

} // namespace inxpect
