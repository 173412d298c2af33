#include "cli/AttachCommand.h"

#include "object/ProgramExtensions.h"
#include "object/ProgramLookup.h"
#include "profile/DefaultsOnExit.h"
#include "profile/Session.h"
#include "profile/SessionLock.h"
#include "profile/StopSignals.h"

namespace inxpect {

void attachLive(const AttachOptions &options, std::ostream &out, std::ostream &notes) {
  installStopHandlers();
  int fd = options.progId     ? programFdById(*options.progId)
           : options.progName ? programFdByName(*options.progName)
                              : programFdByPin(*options.pinned);
  auto program = LiveProgram::fromProgramFd(fd);
  // Behind libxdp's dispatcher: its sections see the packets the dispatcher
  // hands to this slot only.
  if (std::optional<Extension> extension = extensionLinkOf(program->id()))
    notes << "inxpect-run: " << describeExtension(*extension) << "\n";
  ProfileInfo info =
      planProfile("attach", embeddedSections(*program), options, program->maxEvents());
  SessionLock lock(program->id(), program->label());
  // From here the program's configuration is put back to its defaults
  // however the session ends.
  DefaultsOnExit defaults(program->config(), lock);
  startProfile(info, *program, options);
  program->releaseProgram();
  info.program = program->name();
  noteCounter(info, options, notes);
  auto unloaded = [&]() -> std::string {
    return program->stillLoaded() ? "" : program->label() + " was unloaded";
  };
  profileLive(info, *program, options, out, notes, {}, unloaded);
}

} // namespace inxpect
