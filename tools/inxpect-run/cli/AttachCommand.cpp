#include "cli/AttachCommand.h"

#include "profile/LiveSession.h"
#include "object/ProgramLookup.h"
#include "RunError.h"
#include "profile/StopSignals.h"

namespace inxpect {

namespace {

// Puts the configuration back as it was found: the program belongs to
// someone else and should run on as they configured it.
class ConfigRestorer {
public:
  explicit ConfigRestorer(LiveConfig &config) : config_(config), saved_(config.save()) {}
  ~ConfigRestorer() { config_.restore(saved_); }

private:
  LiveConfig &config_;
  std::vector<unsigned char> saved_;
};

} // namespace

void attachLive(const AttachOptions &options, std::ostream &out, std::ostream &notes) {
  installStopHandlers();
  int fd = options.progId     ? programFdById(*options.progId)
           : options.progName ? programFdByName(*options.progName)
                              : programFdByPin(*options.pinned);
  auto program = LiveProgram::fromProgramFd(fd);
  checkPerCpu(options, program->statsLayout().kind);

  ProfileInfo info;
  info.command = "attach";
  info.program = program->name();
  info.programId = program->id();
  info.ncpus = program->statsLayout().ncpus;
  info.statsLayout = statsKindName(program->statsLayout().kind);
  std::string label = "program " + info.program + " (id " + std::to_string(info.programId) + ")";
  info.sections = liveSectionTable(*program, label, options.manifest);
  info.sectionOn = chooseSections(info.sections, requestedSections(options),
                                  options.sectionsFile.value_or("--sections"));
  info.counter = detectCounterSource();
  info.events = armEvents(info.counter, options.eventRequests(), program->maxEvents());

  ConfigRestorer restorer(program->config());
  configureLive(program->config(), program->maxEvents(), info.events, info.sectionOn);
  if (options.format != OutputFormat::Table || options.output)
    notes << "inxpect-run: " << info.counter.describe(info.events) << "\n";
  profileLive(info, *program, options, out, notes);
}

} // namespace inxpect
