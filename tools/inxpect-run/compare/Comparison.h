// What inxpect-run compare found, as every writer (table, JSON, markdown)
// shows it: the two builds' behaviour, then section by section, matched by
// name, their costs, the change and its interval, and a verdict. Built once
// here from the rounds' figures; the writers only format it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "profile/ChangeInterval.h"
#include "profile/Figures.h"
#include "traffic/Replay.h"

namespace inxpect {

// The first packet the two builds treated differently.
struct PacketDifference {
  std::size_t packet = 0; // 1-based, in the order replayed
  uint32_t a = 0, b = 0;  // the verdicts (equal when only the bytes differ)
};

// The entry program's behaviour: packet by packet on the first pass (the
// verdict and the bytes it left), and the verdicts of every round.
struct BehaviourComparison {
  std::size_t packets = 0;      // compared one by one
  std::size_t otherVerdict = 0; // packets that got another verdict
  std::size_t otherBytes = 0;   // the same verdict but other output bytes
  std::optional<PacketDifference> first;
  VerdictTally a, b;            // over every round
  bool same() const { return otherVerdict == 0 && otherBytes == 0 && a.byAction == b.byAction && a.other == b.other; }
};

enum class Verdict { Same, Faster, Slower };
const char *verdictName(Verdict verdict); // "same", "faster", "slower"

// One cost (inclusive or self) of a section in both builds.
struct CostComparison {
  RelativeChange change; // the rounds' statistic, the change and its interval
  RoundStatistic statistic = RoundStatistic::Median; // what stood for the rounds
  // Within the calibration's error in either build (Figures: uncertain):
  // the change is not worth reading, and decides nothing.
  bool uncertain = false;
  // The larger of the two builds' correction errors (Figures: Corrected),
  // in the event's unit: a difference within it is not the code's but
  // may be the probes' (they cost more or less where clang placed them),
  // and decides nothing.
  double error = 0;
  bool measured = false; // both builds have the figure
};

struct SectionComparison {
  std::string name, kind;
  unsigned depth = 0;       // nesting in A's table, for indentation
  uint64_t entriesA = 0, entriesB = 0; // over every round
  CostComparison inclusive, self;
  Verdict verdict = Verdict::Same; // from the inclusive cost
};

struct SectionOnly {
  std::string name, kind;
};

// What one build measured: its program, its sections, and the figures of
// each round and of all rounds together (the probes' cost taken out).
struct MeasuredBuild {
  std::string object, program;
  ProfileInfo info;
  std::vector<ProfileFigures> rounds;
  ProfileFigures total;
};

struct Comparison {
  std::string objectA, objectB, programA, programB; // the files, their entry programs
  uint32_t idA = 0, idB = 0; // the programs' ids while they were loaded
  std::string counter; // what the probes read (CounterSource::describe)
  std::string event, unit;
  std::size_t packets = 0; // a pass
  unsigned passes = 0;     // a round
  unsigned rounds = 0;     // each build's
  double threshold = 0.05; // relative
  // What stands for a build's rounds. Least where the costs are
  // instructions counted (--deterministic): then a section whose every
  // entry was timed in both builds takes the least of its rounds (a
  // disturbance only adds), and the others the median (a run's stratum
  // times a random share of their entries: a noise both ways, which the
  // least would follow down). Median: every section the median.
  RoundStatistic statistic = RoundStatistic::Median;
  BehaviourComparison behaviour;
  std::vector<SectionComparison> sections; // in both, in A's order
  std::vector<SectionOnly> added, removed; // only in B, only in A

  std::vector<const SectionComparison *> slower() const;
  // 3 when a section is slower beyond the threshold with confidence, else 0.
  int exitStatus() const;
};

// Slower when the whole interval lies above +threshold and B's cost exceeds
// A's by more than the error, faster when the interval lies below
// -threshold and A's exceeds B's likewise, else the same; the same too
// when uncertain or unmeasured.
Verdict verdictOf(const CostComparison &cost, double threshold);

// Matches the builds' sections by name and compares each on the first
// event (those switched on in both) with into.statistic; fills sections,
// added and removed, and the unit.
void compareSections(const MeasuredBuild &a, const MeasuredBuild &b, Comparison &into);

// The exit status of a comparison that found a section slower.
inline constexpr int kSlowerExitStatus = 3;

} // namespace inxpect
