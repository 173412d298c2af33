// A profile session, as replay, run and attach share it: plan it (sections
// named and switched, events armed) before anything is loaded, start it on
// the program in the kernel (its configuration written), then, live, report
// every interval until Ctrl-C, SIGTERM or --duration, and once at the end.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/Options.h"
#include "object/LiveProgram.h"
#include "object/LoadedObject.h"
#include "profile/Figures.h"

namespace inxpect {

// What an object or a loaded program embeds about its sections.
EmbeddedSections embeddedSections(const LoadedObject &object);
EmbeddedSections embeddedSections(const LiveProgram &program);

// On/off by section id: all on when `names` is empty. Throws RunError for a
// name the program has not, listing those it has; `source` names where the
// names came from.
std::vector<bool> chooseSections(const SectionTable &table, const std::vector<std::string> &names,
                                 const std::string &source = "--sections");

// The sections asked for at the start: --sections, or --sections-file's
// current content (empty: every section).
std::vector<std::string> requestedSections(const CommonOptions &options);

// What `command` will profile: the sections named (from the manifest when
// given, which must match the embedded hash, else the embedded table) and
// switched as asked, the counter found and the events armed (with the
// kernel module this programs its counters) for `maxEvents` slots. Throws
// RunError (unknown section or event, manifest of another build).
ProfileInfo planProfile(const std::string &command, const EmbeddedSections &sections,
                        const CommonOptions &options, unsigned maxEvents);

// Measures what the probes cost for each event (Calibration), writes the
// plan into the program's configuration (events, rates, section switches;
// profiling on) and fills in what the kernel knows (id, CPUs, stats layout). Throws RunError when --per-cpu asks for what the stats
// layout does not keep.
void startProfile(ProfileInfo &info, LiveProgram &program, const CommonOptions &options);

// The counter line, on `notes` when the report itself does not start with
// it (JSON, CSV, a file).
void noteCounter(const ProfileInfo &info, const CommonOptions &options, std::ostream &notes);

// The live profile loop. Counters start from zero when it starts:
// `startTraffic` (attaching the program, for `run`) is called once the
// baseline is read. Follows --sections-file while it runs. Writes to `out`
// (or --output FILE). `endedBy`, asked every interval, names what ended
// the session under it (the program unloaded, the interface deleted), or
// is empty: the report then is the final one.
void profileLive(const ProfileInfo &info, LiveProgram &program, const CommonOptions &options,
                 std::ostream &out, std::ostream &notes,
                 const std::function<void()> &startTraffic = {},
                 const std::function<std::string()> &endedBy = {});

} // namespace inxpect
