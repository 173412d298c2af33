#include "cli/ReplayCommand.h"

#include <chrono>

#include "RunError.h"
#include "object/LoadedObject.h"
#include "profile/Calibration.h"
#include "profile/Session.h"
#include "profile/SessionLock.h"
#include "profile/StatsReader.h"
#include "traffic/PcapReader.h"
#include "traffic/SyntheticTraffic.h"
#include "views/OutputFile.h"
#include "views/View.h"

namespace inxpect {

Report profileReplay(const ReplayOptions &options, std::ostream &notes) {
  // Packets first: a bad capture is reported before anything needs root.
  PacketSet packets = options.pcap ? readPcap(*options.pcap) : syntheticTraffic(*options.synthetic);
  if (std::string w = skippedWarning(packets); !w.empty())
    notes << "inxpect-run: warning: " << w << "\n";

  auto object = LoadedObject::open(options.object, options.prog.value_or(""));
  Report report;
  ProfileInfo &info = report.info;
  info = planProfile("replay", embeddedSections(*object), options, object->layout().maxEvents);
  object->load({LoadedObject::Pins::Private, options.explainVerifier, options.manifest});
  auto program = object->liveProgram();
  SessionLock lock(program->id(), program->label());
  startProfile(info, *program, options);
  info.object = options.object;
  info.program = object->programName();

  StatsReader reader(program->statsLayout());
  // Counters start from zero when profiling starts: report what changes from here.
  Snapshot baseline = reader.snapshot();
  auto start = std::chrono::steady_clock::now();
  VerdictTally verdicts = replayPackets(program->programFd(), packets.packets, options.repeat);
  report.elapsedSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  report.stats = difference(reader.snapshot(), baseline);
  // Calibrated again now, so a change in the counter's cost while the
  // packets ran shows in the spread.
  info.probeCost = pooled({info.probeCost, calibrateProbes(info.events, info.counter.clockOnly())});
  info.replay = ReplayTraffic{packets.packets.size(), options.repeat, verdicts};
  return report;
}

namespace {

// Options of the live commands that mean nothing for a replay: refused rather
// than silently ignored.
void refuseLiveOnlyOptions(const ReplayOptions &o) {
  const char *option = !o.sections.empty()      ? "--sections"
                       : o.sectionsFile         ? "--sections-file"
                       : o.prometheus           ? "--prometheus"
                       : o.durationSeconds      ? "--duration"
                       : o.perCpu               ? "--per-cpu"
                                                : nullptr;
  if (option)
    throw UsageError(std::string(option) + " is for live profiles (inxpect-run run or attach); "
                     "a replay reports once, when its packets have run");
}

} // namespace

void runReplay(const ReplayOptions &options, std::ostream &out, std::ostream &notes) {
  refuseLiveOnlyOptions(options);
  OutputFile output(options.output, out);
  Report report = profileReplay(options, notes);
  noteCounter(report.info, options, notes);
  makeView(options.format, output.stream(), /*refreshInPlace=*/false, options.perCpu, options.raw)
      ->show(report.info, report.figures());
  output.commit();
}

} // namespace inxpect
