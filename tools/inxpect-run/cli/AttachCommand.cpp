#include "cli/AttachCommand.h"

#include "object/ProgramLookup.h"
#include "profile/Session.h"
#include "profile/StopSignals.h"

namespace inxpect {

namespace {

// Puts the configuration back as it was found: the program belongs to
// someone else and should run on as they configured it.
class ConfigRestorer {
public:
  explicit ConfigRestorer(ProgramConfig &config) : config_(config), saved_(config.save()) {}
  ~ConfigRestorer() { config_.restore(saved_); }

private:
  ProgramConfig &config_;
  std::vector<unsigned char> saved_;
};

} // namespace

void attachLive(const AttachOptions &options, std::ostream &out, std::ostream &notes) {
  installStopHandlers();
  int fd = options.progId     ? programFdById(*options.progId)
           : options.progName ? programFdByName(*options.progName)
                              : programFdByPin(*options.pinned);
  auto program = LiveProgram::fromProgramFd(fd);
  ProfileInfo info =
      planProfile("attach", embeddedSections(*program), options, program->maxEvents());
  ConfigRestorer restorer(program->config());
  startProfile(info, *program, options);
  info.program = program->name();
  noteCounter(info, options, notes);
  profileLive(info, *program, options, out, notes);
}

} // namespace inxpect
