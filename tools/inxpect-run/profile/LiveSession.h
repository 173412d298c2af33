// A live profile of a program in the kernel: configure it (events, rates,
// sections), then report every interval until Ctrl-C, SIGTERM or --duration,
// and once more at the end. Shared by `run` and `attach`.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "profile/LiveFigures.h"
#include "object/LiveProgram.h"
#include "cli/Options.h"

namespace inxpect {

// Names the program's sections: from the manifest when given (it must match
// the embedded hash), else from the table the object embeds. `label` names
// the program or object in messages. Throws RunError.
SectionTable liveSectionTable(const LiveProgram &program, const std::string &label,
                              const std::optional<std::string> &manifest);

// On/off by section id: all on when `names` is empty. Throws RunError for a
// name the program has not, listing those it has; `source` names where the
// names came from.
std::vector<bool> chooseSections(const SectionTable &table, const std::vector<std::string> &names,
                                 const std::string &source = "--sections");

// The sections asked for at the start: --sections, or --sections-file's
// current content (empty: every section).
std::vector<std::string> requestedSections(const CommonOptions &options);

// Throws RunError when --per-cpu asks for what the stats layout does not keep.
void checkPerCpu(const CommonOptions &options, StatsKind kind);

// Writes the events, their rates and the section switches into the running
// program's configuration and turns profiling on.
void configureLive(LiveConfig &config, unsigned maxEvents, const std::vector<EventInfo> &events,
                   const std::vector<bool> &sectionOn);

// The profile loop. Counters start from zero when it starts: `startTraffic`
// (attaching the program, for `run`) is called once the baseline is read.
// Follows --sections-file while it runs. Writes to `out` (or --output FILE).
void profileLive(const ProfileInfo &info, LiveProgram &program, const CommonOptions &options,
                        std::ostream &out, std::ostream &notes,
                        const std::function<void()> &startTraffic = {});

} // namespace inxpect
