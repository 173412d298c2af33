#include "cli/RunCommand.h"

#include <memory>
#include <unistd.h>

#include "profile/LiveSession.h"
#include "object/LoadedObject.h"
#include "RunError.h"
#include "profile/StopSignals.h"
#include "traffic/XdpLink.h"

namespace inxpect {

void runLive(const RunOptions &options, std::ostream &out, std::ostream &notes) {
  installStopHandlers();
  auto object = LoadedObject::open(options.object, options.prog.value_or(""));
  const ObjectLayout &layout = object->layout();

  ProfileInfo info;
  info.command = "run";
  info.object = options.object;
  info.device = options.device;
  info.counter = detectCounterSource();
  info.events = armEvents(info.counter, options.eventRequests(), layout.maxEvents);
  // Configured before load too, so the very first packet is measured right.
  object->configureEvents(info.events);
  object->load();

  int fd = ::dup(object->programFd());
  if (fd < 0)
    throw RunError("cannot duplicate the program's fd");
  auto program = LiveProgram::fromProgramFd(fd, object->statsLayout().kind);
  checkPerCpu(options, program->statsLayout().kind);
  info.program = object->programName();
  info.programId = program->id();
  info.ncpus = program->statsLayout().ncpus;
  info.statsLayout = statsKindName(program->statsLayout().kind);
  info.sections = liveSectionTable(*program, options.object, options.manifest);
  info.sectionOn = chooseSections(info.sections, requestedSections(options),
                                  options.sectionsFile.value_or("--sections"));
  configureLive(program->config(), program->maxEvents(), info.events, info.sectionOn);

  if (options.format != OutputFormat::Table || options.output)
    notes << "inxpect-run: " << info.counter.describe(info.events) << "\n";
  // Attached once the baseline is read, so the profile counts every packet
  // the program sees.
  std::unique_ptr<XdpLink> link;
  auto attach = [&] {
    link = std::make_unique<XdpLink>(object->programFd(), options.device, options.xdpMode);
    notes << "inxpect-run: attached " << info.program << " to " << options.device << " ("
          << (options.xdpMode == XdpMode::Generic ? "generic" : "native")
          << " XDP, through a bpf_link: detached when inxpect-run exits)\n";
  };
  profileLive(info, *program, options, out, notes, attach);
}

} // namespace inxpect
