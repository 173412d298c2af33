#include "cli/CompareCommand.h"

#include <cstdlib>
#include <memory>

#include "cli/GuestCompare.h"
#include "compare/Behaviour.h"
#include "compare/CompareWriters.h"
#include "compare/InterleavedRounds.h"
#include "object/LoadedObject.h"
#include "profile/Calibration.h"
#include "profile/Session.h"
#include "profile/SessionLock.h"
#include "profile/StatsReader.h"
#include "traffic/PcapReader.h"
#include "traffic/SyntheticTraffic.h"
#include "views/OutputFile.h"

namespace inxpect {

namespace {

// One build, from its file to its program in the kernel, configured and
// locked for this session; unloaded and unlocked when it goes.
struct Build {
  std::unique_ptr<LoadedObject> object;
  std::unique_ptr<LiveProgram> program;
  std::unique_ptr<SessionLock> lock;
  std::unique_ptr<StatsReader> stats;
  ProfileInfo info;
};

void openBuild(const std::string &path, const CompareOptions &options, Build &b) {
  b.object = LoadedObject::open(path, options.prog.value_or(""));
  b.info = planProfile("compare", embeddedSections(*b.object), options,
                       b.object->layout().maxEvents);
  b.info.object = path;
  b.info.program = b.object->programName();
}

void loadBuild(const CompareOptions &options, Build &b) {
  b.object->load();
  b.program = b.object->liveProgram();
  b.lock = std::make_unique<SessionLock>(b.program->id(), b.program->label());
  startProfile(b.info, *b.program, options); // calibrates, then configures
  b.stats = std::make_unique<StatsReader>(b.program->statsLayout());
}

// The probes' cost each build's figures take out: the calibrations before
// the rounds and one after, pooled; both builds share them when their
// probes read the same counter, so the subtraction cannot tell them apart.
void calibrateAfter(Build &a, Build &b) {
  bool shared = a.info.counter.clockOnly() == b.info.counter.clockOnly();
  std::vector<ProbeCost> afterA = calibrateProbes(a.info.events, a.info.counter.clockOnly());
  if (shared) {
    std::vector<ProbeCost> cost = pooled({a.info.probeCost, b.info.probeCost, afterA});
    a.info.probeCost = b.info.probeCost = cost;
    return;
  }
  std::vector<ProbeCost> afterB = calibrateProbes(b.info.events, b.info.counter.clockOnly());
  a.info.probeCost = pooled({a.info.probeCost, afterA});
  b.info.probeCost = pooled({b.info.probeCost, afterB});
}

MeasuredBuild measured(const Build &b, const ContenderRounds &rounds) {
  MeasuredBuild m;
  m.object = b.info.object;
  m.program = b.info.program;
  m.info = b.info;
  for (const Snapshot &round : rounds.rounds)
    m.rounds.push_back(computeFigures(m.info, round, round, 0, 0, /*final=*/true));
  m.total = computeFigures(m.info, rounds.total, rounds.total, 0, 0, /*final=*/true);
  return m;
}

} // namespace

Comparison compareBuilds(const CompareOptions &options, std::ostream &notes) {
  // Packets first: a bad capture is reported before anything needs root.
  PacketSet packets = options.pcap ? readPcap(*options.pcap) : syntheticTraffic(*options.synthetic);
  if (std::string w = skippedWarning(packets); !w.empty())
    notes << "inxpect-run: warning: " << w << "\n";

  Build a, b;
  openBuild(options.object, options, a);
  openBuild(options.objectB, options, b);
  loadBuild(options, a);
  loadBuild(options, b);

  Comparison c;
  c.objectA = options.object;
  c.objectB = options.objectB;
  c.programA = a.info.program;
  c.programB = b.info.program;
  c.idA = a.info.programId;
  c.idB = b.info.programId;
  c.counter = a.info.counter.describe(a.info.events);
  // In the -icount guest (--deterministic) the clock counts instructions.
  bool countsInstructions = std::getenv(kIcountGuestVariable) && !a.info.events.empty() &&
                            a.info.events[0].unit == "ns";
  if (countsInstructions) {
    c.counter += "; in a QEMU guest under -icount: 1 ns is 1 instruction";
    c.statistic = RoundStatistic::Least;
  }
  c.packets = packets.packets.size();
  c.passes = options.repeat;
  c.rounds = options.rounds;
  c.threshold = options.threshold;
  // The first pass, packet by packet, from both builds' fresh state; it
  // warms both up too (a program may open state on its first packets).
  compareOutcomes(runEachPacket(a.program->programFd(), packets.packets),
                  runEachPacket(b.program->programFd(), packets.packets), c.behaviour);

  std::vector<ContenderRounds> rounds =
      interleavedRounds({a.program->programFd(), a.stats.get()},
                        {b.program->programFd(), b.stats.get()}, packets.packets, options.repeat,
                        options.rounds);
  c.behaviour.a = rounds[0].verdicts;
  c.behaviour.b = rounds[1].verdicts;
  calibrateAfter(a, b);
  MeasuredBuild ma = measured(a, rounds[0]), mb = measured(b, rounds[1]);
  compareSections(ma, mb, c);
  if (countsInstructions)
    c.unit = "insns";
  return c;
}

std::string formatComparison(const Comparison &c, CompareFormat format) {
  switch (format) {
  case CompareFormat::Json:
    return comparisonJson(c);
  case CompareFormat::Markdown:
    return comparisonMarkdown(c);
  case CompareFormat::Table:
    break;
  }
  return comparisonTable(c);
}

int runCompare(const CompareOptions &options, std::ostream &out, std::ostream &notes) {
  if (options.deterministic)
    return runCompareInGuest(options, out);
  OutputFile output(options.output, out);
  Comparison c = compareBuilds(options, notes);
  output.stream() << formatComparison(c, options.view);
  output.commit();
  return c.exitStatus();
}

} // namespace inxpect
