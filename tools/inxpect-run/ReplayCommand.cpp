#include "ReplayCommand.h"

#include "LoadedObject.h"
#include "PcapReader.h"
#include "StatsReader.h"
#include "SyntheticTraffic.h"

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
  report.events = armEvents(report.counter, {{"", options.sampleEvery}}, layout.maxEvents);
  object->setEnabled(true);
  for (const EventInfo &e : report.events) {
    object->setSampleEvery(e.index, e.sampleEvery);
    object->setCounter(e.index, e.counter);
  }
  object->load();

  report.object = options.object;
  report.program = object->programName();
  report.packets = packets.packets.size();
  report.passes = options.repeat;

  StatsReader reader(object->statsLayout());
  // Counters start from zero when profiling starts: report what changes from here.
  Snapshot baseline = reader.snapshot();
  report.verdicts = replayPackets(object->programFd(), packets.packets, options.repeat);
  report.stats = difference(reader.snapshot(), baseline);
  return report;
}

void runReplay(const ReplayOptions &options, std::ostream &out, std::ostream &notes) {
  Report report = profileReplay(options, notes);
  if (options.format == OutputFormat::Json) {
    // stdout stays pure JSON lines; the counter line is for the person reading.
    notes << "inxpect-run: " << report.counter.describe(report.events) << "\n";
    out << formatJson(report);
  } else {
    out << formatTable(report);
  }
  out.flush();
}

} // namespace inxpect
