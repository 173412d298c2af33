#include "cli/ReplayCommand.h"

#include <fstream>

#include "views/LiveView.h"
#include "object/LoadedObject.h"
#include "views/OutputFile.h"
#include "RunError.h"
#include "traffic/PcapReader.h"
#include "profile/StatsReader.h"
#include "traffic/SyntheticTraffic.h"

namespace inxpect {

Report profileReplay(const ReplayOptions &options, std::ostream &notes) {
  // Packets first: a bad capture is reported before anything needs root.
  PacketSet packets = options.pcap ? readPcap(*options.pcap) : syntheticTraffic(*options.synthetic);
  if (std::string w = skippedWarning(packets); !w.empty())
    notes << "inxpect-run: warning: " << w << "\n";

  auto object = LoadedObject::open(options.object, options.prog.value_or(""));
  const ObjectLayout &layout = object->layout();
  Report report;
  report.sections = resolveSectionTable(
      {options.object, layout.selfDescription, layout.manifestHash, layout.nsections},
      options.manifest);
  report.counter = detectCounterSource();
  report.events = armEvents(report.counter, options.eventRequests(), layout.maxEvents);
  object->configureEvents(report.events);
  object->load();

  report.object = options.object;
  report.program = object->programName();
  report.packets = packets.packets.size();
  report.passes = options.repeat;

  report.statsLayout = statsKindName(object->statsLayout().kind);
  StatsReader reader(object->statsLayout());
  // Counters start from zero when profiling starts: report what changes from here.
  Snapshot baseline = reader.snapshot();
  report.verdicts = replayPackets(object->programFd(), packets.packets, options.repeat);
  report.stats = difference(reader.snapshot(), baseline);
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
  std::ofstream file;
  std::ostream *sink = &openOutput(options.output, file, out);
  Report report = profileReplay(options, notes);
  if (options.format == OutputFormat::Json) {
    // stdout stays pure JSON lines; the counter line is for the person reading.
    notes << "inxpect-run: " << report.counter.describe(report.events) << "\n";
    *sink << formatJson(report);
  } else if (options.format == OutputFormat::Csv) {
    notes << "inxpect-run: " << report.counter.describe(report.events) << "\n";
    ProfileInfo info;
    info.command = "replay";
    info.object = report.object;
    info.program = report.program;
    info.counter = report.counter;
    info.events = report.events;
    info.sections = report.sections;
    LiveFigures figures = computeFigures(info, report.stats, report.stats, 0, 0, true);
    makeCsvView(*sink, false)->show(info, figures);
  } else {
    *sink << formatTable(report);
  }
  sink->flush();
}

} // namespace inxpect
