#include "profile/Session.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <unistd.h>

#include "views/View.h"
#include "views/PrometheusExporter.h"
#include "views/TerminalScreen.h"
#include "views/OutputFile.h"
#include "RunError.h"
#include "profile/Calibration.h"
#include "profile/SectionsFile.h"
#include "profile/StopSignals.h"

namespace inxpect {

namespace {

std::string secondsText(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

// How often --sections-file is read again while waiting for the next report.
constexpr double kPollSeconds = 0.2;

// Applies a new content of --sections-file to the running program; a name it
// has not is a warning (the profile goes on with the sections as they were).
void followSectionsFile(SectionsFile &file, ProfileInfo &info, ProgramConfig &config,
                        std::ostream &notes) {
  auto names = file.changed();
  if (!names)
    return;
  std::vector<bool> on;
  try {
    on = chooseSections(info.sections, *names, file.path());
  } catch (const RunError &e) {
    notes << "inxpect-run: warning: " << e.what()
          << "; the sections stay as they were\n";
    notes.flush();
    return;
  }
  if (on == info.sectionOn)
    return;
  for (unsigned id = 0; id < on.size(); ++id)
    config.setSectionOn(id, on[id]);
  info.sectionOn = on;
  std::string list;
  for (const SectionRow &row : info.sections.rows())
    if (on[row.id])
      list += (list.empty() ? "" : ", ") + row.name;
  notes << "inxpect-run: sections on (from " << file.path() << "): "
        << (names->empty() ? "every section" : list) << "\n";
  notes.flush();
}

// How long a wait for a key lasts before a stop signal is looked at again.
constexpr double kKeyTickSeconds = 0.05;

// Answers the screen's keys for `seconds`: a section switched on or off in
// the running program at once. True when the session is to end: q, as
// Ctrl-C (which still raises SIGINT on the screen) does.
bool answerKeys(TerminalScreen &screen, double seconds, ProfileInfo &info, ProgramConfig &config) {
  using Clock = std::chrono::steady_clock;
  Clock::time_point until =
      Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  for (double left; !stopRequested() &&
                    (left = std::chrono::duration<double>(until - Clock::now()).count()) > 0;) {
    KeyAction action = screen.waitForKey(std::min(left, kKeyTickSeconds));
    if (action.kind == KeyAction::Quit)
      return true;
    if (action.kind == KeyAction::SwitchSection && action.section < info.sectionOn.size()) {
      bool on = !info.sectionOn[action.section];
      config.setSectionOn(action.section, on);
      info.sectionOn[action.section] = on;
    }
  }
  return stopRequested();
}

} // namespace

EmbeddedSections embeddedSections(const LoadedObject &object) {
  const ObjectLayout &layout = object.layout();
  return {object.path(), layout.selfDescription, layout.manifestHash, layout.nsections};
}

EmbeddedSections embeddedSections(const LiveProgram &program) {
  return {program.label(), program.config().selfDescription(), program.config().manifestHash(),
          program.nsections()};
}

std::vector<bool> chooseSections(const SectionTable &table, const std::vector<std::string> &names,
                                 const std::string &source) {
  std::vector<bool> on(table.size(), names.empty());
  for (const std::string &name : names) {
    bool found = false;
    for (const SectionRow &row : table.rows())
      if (row.name == name) {
        on[row.id] = true;
        found = true;
      }
    if (!found) {
      std::string known;
      for (const SectionRow &row : table.rows())
        known += (known.empty() ? "" : ", ") + row.name;
      throw RunError(source + " names \"" + name + "\", which the program does not have: its "
                     "sections are " + known);
    }
  }
  return on;
}

std::vector<std::string> requestedSections(const CommonOptions &options) {
  if (!options.sectionsFile)
    return options.sections;
  // Read here for the start; profileLive follows it from then on.
  return *SectionsFile(*options.sectionsFile).changed();
}

namespace {

// What the object's probes read: the kernel's best, unless the rewrite built
// them on the clock alone (the embedded table says so).
CounterSource counterOf(const EmbeddedSections &sections) {
  try {
    Manifest self = manifestFromSelfDescription(sections.selfDescription);
    if (self.clockOnly)
      return clockOnlySource(clockOnlyReason(self));
  } catch (const ManifestError &) {
    // resolveSectionTable has said so, unless --manifest named the sections
  }
  return detectCounterSource();
}

} // namespace

ProfileInfo planProfile(const std::string &command, const EmbeddedSections &sections,
                        const CommonOptions &options, unsigned maxEvents) {
  ProfileInfo info;
  info.command = command;
  info.sections = resolveSectionTable(sections, options.manifest);
  info.sectionOn = chooseSections(info.sections, requestedSections(options),
                                  options.sectionsFile.value_or("--sections"));
  info.counter = counterOf(sections);
  info.events = armEvents(info.counter, options.eventRequests(), maxEvents);
  return info;
}

namespace {

// What the probes take out of each reading before binning it: the
// calibrated costs, by event.
void writeProbeCosts(const ProfileInfo &info, LiveProgram &program) {
  for (std::size_t i = 0; i < info.events.size() && i < info.probeCost.size(); ++i)
    program.config().setProbeCost(info.events[i].index, info.probeCost[i].own.mean,
                                  info.probeCost[i].nested.mean);
}

// A live profile calibrates again this often: the counter's own cost can
// move while it runs (the clock here switches between two costs a read).
constexpr double kRecalibrateSeconds = 30;

} // namespace

void startProfile(ProfileInfo &info, LiveProgram &program, const CommonOptions &options) {
  const StatsLayout &stats = program.statsLayout();
  if (options.perCpu && stats.kind == StatsKind::Global)
    throw RunError("--per-cpu: this program was built with the global stats layout "
                   "(INXPECT_STATS_GLOBAL), which adds every CPU into one slot: rebuild it "
                   "with the default layout to see each CPU, or leave --per-cpu out");
  if (options.format == OutputFormat::Folded && !stats.byParent.offset)
    throw RunError("--format folded: " + program.label() + " keeps no figures by run-time "
                   "parent, which the stacks are made of (built with an older inxpect.h, or "
                   "-DINXPECT_NO_PARENT_STATS): rebuild it with this version's "
                   "runtime/bpf/inxpect.h (the other formats read it as it is)");
  info.programId = program.id();
  info.ncpus = stats.ncpus;
  info.statsLayout = statsKindName(stats.kind);
  info.probeCost = calibrateProbes(info.events, info.counter.clockOnly());
  program.config().configure(info.events, info.sectionOn);
  writeProbeCosts(info, program);
}

void noteCounter(const ProfileInfo &info, const CommonOptions &options, std::ostream &notes) {
  if (options.format != OutputFormat::Table || options.output)
    notes << "inxpect-run: " << info.counter.describe(info.events) << "\n";
}

void profileLive(const ProfileInfo &profile, LiveProgram &program, const CommonOptions &options,
                 std::ostream &out, std::ostream &notes,
                 const std::function<void()> &startTraffic,
                 const std::function<std::string()> &endedBy) {
  ProfileInfo info = profile; // its section switches follow --sections-file
  OutputFile output(options.output, out);
  std::ostream *sink = &output.stream();
  std::unique_ptr<PrometheusExporter> exporter;
  if (options.prometheus) {
    exporter = std::make_unique<PrometheusExporter>(*options.prometheus, info);
    notes << "inxpect-run: serving Prometheus metrics at http://" << *options.prometheus
          << "/metrics\n";
  }
  std::unique_ptr<SectionsFile> control;
  if (options.sectionsFile) {
    control = std::make_unique<SectionsFile>(*options.sectionsFile);
    followSectionsFile(*control, info, program.config(), notes);
  }

  using Clock = std::chrono::steady_clock;
  StatsReader reader(program.statsLayout());
  Snapshot baseline = reader.snapshot();
  Snapshot previous = baseline;
  if (startTraffic)
    startTraffic();
  Clock::time_point start = Clock::now(), last = start, calibrated = start;
  std::vector<std::vector<ProbeCost>> calibrations = {info.probeCost};
  auto seconds = [](Clock::duration d) { return std::chrono::duration<double>(d).count(); };
  if (exporter)
    exporter->publish(computeFigures(info, difference(baseline, baseline),
                                     difference(baseline, baseline), 0, 0, false));
  notes << "inxpect-run: profiling " << info.program << " (id " << info.programId << ")"
        << (options.durationSeconds ? " for " + secondsText(*options.durationSeconds) + " s"
                                    : std::string(""))
        << ": Ctrl-C to stop\n";
  notes.flush();

  // The table on a terminal takes the screen and keys, unless the terminal
  // cannot draw one; the plain redraw otherwise. While the screen is up
  // what is said goes through it (held, shown on its note line).
  bool table = options.format == OutputFormat::Table && !options.output;
  std::unique_ptr<TerminalScreen> screen;
  if (table && !options.noCurses && terminalCanShowScreen())
    screen = TerminalScreen::open(*sink, notes, {options.perCpu, options.raw});
  std::unique_ptr<ProfileView> plain;
  if (!screen)
    plain = makeView(options.format, *sink, table && ::isatty(STDOUT_FILENO), options.perCpu,
                     options.raw);
  ProfileView &view = screen ? static_cast<ProfileView &>(*screen) : *plain;
  std::ostream &said = screen ? screen->notes() : notes;

  for (;;) {
    Clock::time_point next = last + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(options.intervalSeconds));
    bool ending = false;
    if (options.durationSeconds) {
      auto end = start + std::chrono::duration_cast<Clock::duration>(
                             std::chrono::duration<double>(*options.durationSeconds));
      if (end <= next) {
        next = end;
        ending = true;
      }
    }
    bool stopped = false;
    for (double left; !stopped && (left = seconds(next - Clock::now())) > 0;) {
      double nap = control || screen ? std::min(left, kPollSeconds) : left;
      stopped = screen ? answerKeys(*screen, nap, info, program.config()) : sleepUnlessStopped(nap);
      if (control && !stopped)
        followSectionsFile(*control, info, program.config(), said);
    }
    ending = ending || stopped;
    if (!ending && endedBy) {
      if (std::string why = endedBy(); !why.empty()) {
        said << "inxpect-run: " << why << ": the profile ends here\n";
        said.flush();
        ending = true;
      }
    }
    Clock::time_point now = Clock::now();
    Snapshot current = reader.snapshot();
    ProfileFigures figures = computeFigures(info, difference(current, baseline), difference(current, previous),
                             seconds(now - start), seconds(now - last), ending);
    if (exporter)
      exporter->publish(figures);
    // A final report follows a stop at once; an interval report for the
    // same moment would only repeat it.
    view.show(info, figures);
    output.commit();
    if (ending)
      break;
    previous = current;
    last = now;
    if (seconds(now - calibrated) >= kRecalibrateSeconds) {
      // The figures are since the start: corrected with every calibration
      // of the profile pooled. A failed one leaves the earlier ones.
      try {
        calibrations.push_back(calibrateProbes(info.events, info.counter.clockOnly()));
        info.probeCost = pooled(calibrations);
        writeProbeCosts(info, program);
      } catch (const RunError &e) {
        said << "inxpect-run: warning: calibrating the probes again failed, keeping the "
                 "earlier calibration: " << e.what() << "\n";
      }
      calibrated = Clock::now();
    }
  }
}

} // namespace inxpect
