#include "cli/RunCommand.h"

#include <memory>

#include "object/LoadedObject.h"
#include "profile/Session.h"
#include "profile/SessionLock.h"
#include "profile/StopSignals.h"
#include "traffic/XdpLink.h"

namespace inxpect {

void runLive(const RunOptions &options, std::ostream &out, std::ostream &notes) {
  installStopHandlers();
  auto object = LoadedObject::open(options.object, options.prog.value_or(""));
  ProfileInfo info =
      planProfile("run", embeddedSections(*object), options, object->layout().maxEvents);
  object->load({LoadedObject::Pins::AsDeclared, options.explainVerifier, options.manifest});
  for (const std::string &pinned : object->pinnedMaps())
    notes << "inxpect-run: pinned map " << pinned << " as the object asks (LIBBPF_PIN_BY_NAME), "
          << "as its own loader would: it stays after inxpect-run ends\n";
  auto program = object->liveProgram();
  SessionLock lock(program->id(), program->label());
  // Configured before it is attached, so the very first packet is measured right.
  startProfile(info, *program, options);
  info.object = options.object;
  info.program = object->programName();
  info.device = options.device;
  noteCounter(info, options, notes);

  // Attached once the baseline is read, so the profile counts every packet
  // the program sees.
  std::unique_ptr<XdpLink> link;
  auto attach = [&] {
    link = std::make_unique<XdpLink>(program->programFd(), options.device, options.xdpMode);
    notes << "inxpect-run: attached " << info.program << " to " << options.device << " ("
          << (options.xdpMode == XdpMode::Generic ? "generic" : "native")
          << " XDP, through a bpf_link: detached when inxpect-run exits)\n";
  };
  auto interfaceGone = [&]() -> std::string {
    if (link && !link->stillAttached())
      return "the kernel detached " + info.program + " from " + options.device +
             ": the interface was deleted or moved to another network namespace";
    return "";
  };
  profileLive(info, *program, options, out, notes, attach, interfaceGone);
}

} // namespace inxpect
