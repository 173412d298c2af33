// The options every command shares: how each is read, checked and described.
#include <algorithm>
#include <limits>

#include "cli/CommandTable.h"
#include "RunError.h"

namespace inxpect {

namespace {

const unsigned long long kMaxRate = std::numeric_limits<uint32_t>::max();

// "--sample 16" (every event) or "--sample cycles=16,instructions=64".
void setSample(CommonOptions &o, const std::string &text) {
  if (text.find('=') == std::string::npos) {
    o.sampleEvery = positiveNumber("--sample", text, kMaxRate);
    return;
  }
  for (const std::string &item : splitList(text)) {
    std::size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0)
      throw UsageError("--sample expects N or EVENT=N,EVENT=N (e.g. cycles=16,instructions=64), "
                       "got \"" + item + "\"");
    std::string event = item.substr(0, eq);
    if (o.sampleByEvent.count(event))
      throw UsageError("--sample gives " + event + " two rates: give each event one");
    o.sampleByEvent[event] = positiveNumber("--sample " + event, item.substr(eq + 1), kMaxRate);
  }
}

void setEvents(CommonOptions &o, const std::string &text) {
  if (text == "list" || text == "help") {
    o.listEvents = true;
    return;
  }
  o.events = splitList(text);
  for (auto it = o.events.begin(); it != o.events.end(); ++it)
    if (std::find(o.events.begin(), it, *it) != it)
      throw UsageError("--events names " + *it + " twice: name each event once");
}

void setFormat(CommonOptions &o, const std::string &text) {
  if (text == "table")
    o.format = OutputFormat::Table;
  else if (text == "json")
    o.format = OutputFormat::Json;
  else if (text == "csv")
    o.format = OutputFormat::Csv;
  else if (text == "folded")
    o.format = OutputFormat::Folded;
  else
    throw UsageError("--format expects table, json, csv or folded, got \"" + text + "\"");
}

void setPrometheus(CommonOptions &o, const std::string &address) {
  std::size_t colon = address.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == address.size())
    throw UsageError("--prometheus expects ADDR:PORT, e.g. 127.0.0.1:9435, got \"" + address +
                     "\"");
  positiveNumber("--prometheus port", address.substr(colon + 1), 65535);
  o.prometheus = address;
}

} // namespace

namespace common {

const OptionSpec manifest{
    "--manifest", "M",
    "section names from the manifest inxpect-instrument wrote (default: the table embedded "
    "in the object); must match the object",
    [](CommonOptions &o, const std::string &v) { o.manifest = v; }};

const OptionSpec events{
    "--events", "E1,E2",
    "events to measure (default: the clock, or the module's tsc when it is loaded); "
    "--events list shows what can be measured",
    setEvents, "list"};

const OptionSpec sample{
    "--sample", "N",
    "measure every Nth run of the program (default 1: all); --sample E=N,... gives each "
    "event its own rate, e.g. cycles=16,instructions=64",
    setSample};

const OptionSpec precise{
    "--precise", nullptr,
    "read every counter fenced, lfence; rdtsc|rdpmc; lfence, so that a reading covers "
    "exactly the instructions between a section's probes; unfenced (the default) the CPU "
    "may run the read early or late by up to its reorder window, and a section of a few "
    "instructions can read short or long. Costs each read the two fences' latency (tens of "
    "cycles on hardware) and 4 instructions; calibration takes the probes' own cost out "
    "either way. Needs the inxpect kernel module (docs/kernel-module.md)",
    [](CommonOptions &o, const std::string &) { o.precise = true; }};

const OptionSpec sections{
    "--sections", "S1,S2",
    "profile only these sections (the others are switched off in the running program, "
    "which is not reloaded)",
    [](CommonOptions &o, const std::string &v) {
      o.sections = splitList(v);
      if (o.sections.empty())
        throw UsageError("--sections expects section names separated by commas");
    }};

const OptionSpec sectionsFile{
    "--sections-file", "F",
    "the same, read from file F (names separated by commas, spaces or lines; empty or "
    "missing: all) and read again while profiling: edit F to switch sections on and off",
    [](CommonOptions &o, const std::string &v) { o.sectionsFile = v; }};

const OptionSpec format{
    "--format", "FMT",
    "table (default; refreshes in place on a terminal while live), json (one object a "
    "line: an \"interval\" one each --interval while live, a \"final\" one at the end), "
    "csv (one row a section and event) or folded (at the end, one line a run-time stack of "
    "sections and its self cost, for flamegraph.pl, inferno or speedscope)",
    setFormat,
    nullptr,
    {"table", "json", "csv", "folded"}};

const OptionSpec interval{
    "--interval", "SEC", "seconds between two live reports (default 1)",
    [](CommonOptions &o, const std::string &v) {
      o.intervalSeconds = positiveSeconds("--interval", v);
    }};

const OptionSpec duration{
    "--duration", "SEC", "stop after SEC seconds (default: at Ctrl-C or SIGTERM)",
    [](CommonOptions &o, const std::string &v) {
      o.durationSeconds = positiveSeconds("--duration", v);
    }};

const OptionSpec output{"--output", "FILE", "write the reports to FILE instead of stdout",
                        [](CommonOptions &o, const std::string &v) { o.output = v; }};

const OptionSpec perCpu{"--per-cpu", nullptr, "show each CPU's count beside the total",
                        [](CommonOptions &o, const std::string &) { o.perCpu = true; }};

const OptionSpec raw{"--raw", nullptr,
                     "the table shows each section's readings as taken (mean and total), the "
                     "probes' own cost included, instead of its inclusive and self costs with "
                     "the probes taken out",
                     [](CommonOptions &o, const std::string &) { o.raw = true; }};

const OptionSpec noCurses{
    "--no-curses", nullptr,
    "on a terminal, redraw the plain table in place instead of the full-screen one that "
    "takes keys (sort, switch sections, pause, quit); the plain one is also what a pipe, a "
    "file and TERM=dumb get",
    [](CommonOptions &o, const std::string &) { o.noCurses = true; }};

const OptionSpec prometheus{
    "--prometheus", "A:P",
    "serve the same figures at http://A:P/metrics, e.g. --prometheus 127.0.0.1:9435 "
    "(listens only there)",
    setPrometheus};

const OptionGroup eventsAndSampling{"Events and sampling", {&events, &sample, &precise}};

const OptionGroup liveOutput{"Output",
                             {&format, &raw, &noCurses, &interval, &duration, &output, &perCpu,
                              &prometheus}};

} // namespace common

void CommonOptions::check() const {
  if (!sections.empty() && sectionsFile)
    throw UsageError("--sections and --sections-file both choose the sections: give one (put "
                     "the names in the file)");
  if (raw && format == OutputFormat::Folded)
    throw UsageError("--raw and --format folded: folded stacks carry self costs, with the "
                     "probes taken out; leave --raw out");
  eventRequests(); // a --sample for an event not measured is a usage error
}

std::vector<EventRequest> CommonOptions::eventRequests() const {
  std::vector<std::string> names = events;
  // --sample cycles=16 alone asks for cycles, as --events cycles --sample 16 would.
  if (names.empty())
    for (const auto &[name, every] : sampleByEvent)
      names.push_back(name);
  for (const auto &[name, every] : sampleByEvent)
    if (std::find(names.begin(), names.end(), name) == names.end())
      throw UsageError("--sample names " + name + ", which --events does not measure: add it to "
                       "--events or drop it from --sample");
  std::vector<EventRequest> requests;
  for (const std::string &name : names) {
    auto it = sampleByEvent.find(name);
    requests.push_back({name, it == sampleByEvent.end() ? sampleEvery : it->second, precise});
  }
  if (requests.empty())
    requests.push_back({"", sampleEvery, precise});
  return requests;
}

} // namespace inxpect
