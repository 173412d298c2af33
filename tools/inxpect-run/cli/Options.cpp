#include "cli/Options.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <functional>
#include <limits>

#include "RunError.h"

namespace inxpect {

namespace {

const char kSeeHelp[] = " (see inxpect-run replay --help)";

// Positive integers only: a zero pass count or sampling rate measures nothing.
unsigned long long positiveNumber(const std::string &option, const std::string &text,
                                  unsigned long long max) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
    throw UsageError(option + " expects a positive whole number, got \"" + text + "\"" +
                     kSeeHelp);
  errno = 0;
  unsigned long long v = std::strtoull(text.c_str(), nullptr, 10);
  if (errno == ERANGE || v == 0 || v > max)
    throw UsageError(option + " must be between 1 and " + std::to_string(max) + ", got " + text);
  return v;
}

std::vector<std::string> splitList(const std::string &text) {
  std::vector<std::string> items;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t comma = text.find(',', begin);
    if (comma == std::string::npos)
      comma = text.size();
    if (comma > begin)
      items.push_back(text.substr(begin, comma - begin));
    begin = comma + 1;
  }
  return items;
}

double positiveSeconds(const std::string &option, const std::string &text) {
  char *end = nullptr;
  errno = 0;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || errno == ERANGE || !(v > 0) || v > 31536000)
    throw UsageError(option + " expects a number of seconds greater than 0 (e.g. 0.5, 10), got \"" +
                     text + "\"");
  return v;
}

// "--sample 16" (every event) or "--sample cycles=16,instructions=64".
void parseSample(CommonOptions &o, const std::string &text) {
  if (text.find('=') == std::string::npos) {
    o.sampleEvery = positiveNumber("--sample", text, std::numeric_limits<uint32_t>::max());
    return;
  }
  for (const std::string &item : splitList(text)) {
    std::size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0)
      throw UsageError("--sample expects N or EVENT=N,EVENT=N (e.g. cycles=16,instructions=64), "
                       "got \"" + item + "\"");
    if (o.sampleByEvent.count(item.substr(0, eq)))
      throw UsageError("--sample gives " + item.substr(0, eq) + " two rates: give each event one");
    o.sampleByEvent[item.substr(0, eq)] =
        positiveNumber("--sample " + item.substr(0, eq), item.substr(eq + 1),
                       std::numeric_limits<uint32_t>::max());
  }
}

// One option shared by every command; false when `name` is not one of them.
bool parseCommonOption(CommonOptions &o, const std::string &name,
                       const std::function<std::string()> &value, bool hasInlineValue,
                       bool isLast) {
  if (name == "--manifest") {
    o.manifest = value();
  } else if (name == "--events") {
    // A bare --events at the end, or --events list, asks what can be measured.
    if (!hasInlineValue && isLast) {
      o.listEvents = true;
      return true;
    }
    std::string v = value();
    if (v == "list" || v == "help")
      o.listEvents = true;
    else
      o.events = splitList(v);
    for (std::size_t i = 0; i < o.events.size(); ++i)
      if (std::find(o.events.begin(), o.events.begin() + i, o.events[i]) != o.events.begin() + i)
        throw UsageError("--events names " + o.events[i] + " twice: name each event once");
  } else if (name == "--sample") {
    parseSample(o, value());
  } else if (name == "--sections") {
    o.sections = splitList(value());
    if (o.sections.empty())
      throw UsageError("--sections expects section names separated by commas");
  } else if (name == "--sections-file") {
    o.sectionsFile = value();
  } else if (name == "--interval") {
    o.intervalSeconds = positiveSeconds(name, value());
  } else if (name == "--duration") {
    o.durationSeconds = positiveSeconds(name, value());
  } else if (name == "--format") {
    std::string f = value();
    if (f == "table")
      o.format = OutputFormat::Table;
    else if (f == "json")
      o.format = OutputFormat::Json;
    else if (f == "csv")
      o.format = OutputFormat::Csv;
    else
      throw UsageError("--format expects table, json or csv, got \"" + f + "\"");
  } else if (name == "--output") {
    o.output = value();
  } else if (name == "--prometheus") {
    std::string a = value();
    std::size_t colon = a.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == a.size())
      throw UsageError("--prometheus expects ADDR:PORT, e.g. 127.0.0.1:9435, got \"" + a + "\"");
    positiveNumber("--prometheus port", a.substr(colon + 1), 65535);
    o.prometheus = a;
  } else if (name == "--per-cpu") {
    if (hasInlineValue)
      throw UsageError("--per-cpu takes no value");
    o.perCpu = true;
  } else {
    return false;
  }
  return true;
}

// Walks the arguments of one command: common options, then the command's own
// (`own` returns false for names it does not know), then positionals.
std::vector<std::string>
parseArguments(const std::vector<std::string> &args, CommonOptions &common, const char *seeHelp,
               const std::function<bool(const std::string &, const std::function<std::string()> &)> &own) {
  std::vector<std::string> positional;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string &arg = args[i];
    if (arg.size() < 2 || arg.compare(0, 2, "--") != 0) {
      if (arg.size() > 1 && arg[0] == '-')
        throw UsageError("unknown option " + arg + seeHelp);
      positional.push_back(arg);
      continue;
    }
    std::string name = arg;
    std::optional<std::string> inlineValue;
    if (auto eq = arg.find('='); eq != std::string::npos) {
      name = arg.substr(0, eq);
      inlineValue = arg.substr(eq + 1);
    }
    std::function<std::string()> value = [&] {
      if (inlineValue)
        return *inlineValue;
      if (i + 1 >= args.size())
        throw UsageError(name + " needs a value" + seeHelp);
      return args[++i];
    };
    if (parseCommonOption(common, name, value, inlineValue.has_value(), i + 1 == args.size()))
      continue;
    if (!own(name, value))
      throw UsageError("unknown option " + name + seeHelp);
  }
  return positional;
}

ReplayOptions parseReplay(const std::vector<std::string> &args) {
  ReplayOptions o;
  auto positional = parseArguments(args, o, kSeeHelp, [&](const std::string &name, auto &value) {
    if (name == "--prog")
      o.prog = value();
    else if (name == "--pcap")
      o.pcap = value();
    else if (name == "--synthetic")
      o.synthetic = positiveNumber(name, value(), 100000000);
    else if (name == "--repeat")
      o.repeat = positiveNumber(name, value(), 1000000);
    else
      return false;
    return true;
  });
  if (o.listEvents)
    return o;
  if (positional.empty())
    throw UsageError("replay needs an instrumented object: inxpect-run replay OBJ "
                     "(--pcap FILE | --synthetic N)");
  if (positional.size() > 1)
    throw UsageError("replay takes one object, got \"" + positional[0] + "\" and \"" +
                     positional[1] + "\"");
  o.object = positional[0];
  if (o.pcap && o.synthetic)
    throw UsageError("--pcap and --synthetic are alternatives: give one packet source");
  if (!o.pcap && !o.synthetic)
    throw UsageError("replay needs packets: --pcap FILE or --synthetic N" + std::string(kSeeHelp));
  o.check();
  return o;
}

RunOptions parseRun(const std::vector<std::string> &args) {
  const char *seeHelp = " (see inxpect-run run --help)";
  RunOptions o;
  auto positional = parseArguments(args, o, seeHelp, [&](const std::string &name, auto &value) {
    if (name == "--prog") {
      o.prog = value();
    } else if (name == "--dev") {
      o.device = value();
    } else if (name == "--xdp-mode") {
      std::string m = value();
      if (m == "native" || m == "drv")
        o.xdpMode = XdpMode::Native;
      else if (m == "generic" || m == "skb")
        o.xdpMode = XdpMode::Generic;
      else
        throw UsageError("--xdp-mode expects native or generic, got \"" + m +
                         "\" (generic works on every interface, native needs driver support)");
    } else {
      return false;
    }
    return true;
  });
  if (o.listEvents)
    return o;
  if (positional.empty())
    throw UsageError("run needs an instrumented object: inxpect-run run OBJ --dev IFACE");
  if (positional.size() > 1)
    throw UsageError("run takes one object, got \"" + positional[0] + "\" and \"" +
                     positional[1] + "\"");
  o.object = positional[0];
  if (o.device.empty())
    throw UsageError("run needs an interface to attach to: --dev IFACE (ip -br link lists them)");
  o.check();
  return o;
}

AttachOptions parseAttach(const std::vector<std::string> &args) {
  const char *seeHelp = " (see inxpect-run attach --help)";
  AttachOptions o;
  auto positional = parseArguments(args, o, seeHelp, [&](const std::string &name, auto &value) {
    if (name == "--prog-id")
      o.progId = positiveNumber(name, value(), std::numeric_limits<uint32_t>::max());
    else if (name == "--prog-name")
      o.progName = value();
    else if (name == "--pinned")
      o.pinned = value();
    else
      return false;
    return true;
  });
  if (o.listEvents)
    return o;
  if (!positional.empty())
    throw UsageError("attach takes no object file, got \"" + positional[0] +
                     "\": name the loaded program with --prog-id ID, --prog-name NAME or "
                     "--pinned PATH (bpftool prog list shows them)");
  int ways = o.progId.has_value() + o.progName.has_value() + o.pinned.has_value();
  if (ways != 1)
    throw UsageError(std::string(ways ? "give only one of" : "attach needs a program:") +
                     " --prog-id ID, --prog-name NAME or --pinned PATH (bpftool prog list shows "
                     "loaded programs)");
  o.check();
  return o;
}

bool isHelp(const std::string &arg) { return arg == "--help" || arg == "-h" || arg == "help"; }

} // namespace

void CommonOptions::check() const {
  if (!sections.empty() && sectionsFile)
    throw UsageError("--sections and --sections-file both choose the sections: give one (put "
                     "the names in the file)");
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
    requests.push_back({name, it == sampleByEvent.end() ? sampleEvery : it->second});
  }
  if (requests.empty())
    requests.push_back({"", sampleEvery});
  return requests;
}

namespace {

const char kCommonHelp[] = R"(
Events, sampling and sections (every command):
  --events E1,E2     events to measure (default: the clock, or the module's
                     first counter); --events list shows what can be measured
  --sample N         measure every Nth run of the program (default 1: all)
  --sample E=N,...   a rate per event, e.g. --sample cycles=16,instructions=64
  --sections S1,S2   profile only these sections (the others are switched
                     off in the running program, which is not reloaded)
  --sections-file F  the same, read from file F (names separated by commas,
                     spaces or lines; empty or missing: all) and read again
                     while profiling: edit F to switch sections on and off
  --manifest M       section names from the manifest inxpect-instrument wrote
                     (default: the table embedded in the object); must match
Output:
  --format FMT       table (default; refreshes in place on a terminal), json
                     (one object a line: an "interval" one each --interval,
                     a "final" one at the end) or csv (one row a section)
  --interval SEC     seconds between two live reports (default 1)
  --duration SEC     stop after SEC seconds (default: at Ctrl-C or SIGTERM)
  --output FILE      write the reports to FILE instead of stdout
  --per-cpu          show each CPU's count beside the total
  --prometheus A:P   serve the same figures at http://A:P/metrics, e.g.
                     --prometheus 127.0.0.1:9435 (listens only there)
)";

} // namespace

std::string mainHelp() {
  return R"(inxpect-run: runs an instrumented XDP program and reports each section's cost.

Usage:
  inxpect-run replay OBJ (--pcap FILE | --synthetic N) [options]
  inxpect-run run OBJ --dev IFACE [--xdp-mode native|generic] [options]
  inxpect-run attach (--prog-id ID | --prog-name NAME | --pinned PATH) [options]
  inxpect-run COMMAND --help

Commands:
  replay   run packets through the program with BPF_PROG_TEST_RUN: no NIC
           needed, works in CI and on a laptop (needs root)
  run      load the program, attach it to an interface and profile live
           traffic until Ctrl-C; nothing stays attached afterwards
  attach   profile a program someone else loaded (ip link, xdp-loader, a pin)

OBJ is a BPF object compiled from the output of inxpect-instrument, e.g.:
  inxpect-instrument --per-function xdp.c
  clang -target bpf -O2 -g -I runtime/bpf -c xdp.inxpect.c -o xdp.o
  sudo inxpect-run replay xdp.o --synthetic 10000
  sudo inxpect-run run xdp.o --dev eth0
)";
}

std::string replayHelp() {
  return std::string(R"(inxpect-run replay: profile an instrumented XDP program on recorded or
generated packets, without a network interface.

Usage:
  inxpect-run replay OBJ (--pcap FILE | --synthetic N) [options]

Loads OBJ (all its programs, so tail-call targets load too), runs every
packet once per pass through the chosen XDP program with BPF_PROG_TEST_RUN,
and prints for each section how often it ran and what it cost. Counters
start from zero when profiling starts.

Options:
  --pcap FILE        packets from a pcap or pcapng capture (Ethernet)
  --synthetic N      N generated Ethernet frames, the same every time: many
                     flows, IPv4/IPv6, TCP/UDP/ICMP, some ARP, 64-1500 bytes
  --repeat R         passes over the packets (default 1)
  --prog NAME        the XDP program to run; needed only when OBJ has several
  --manifest M       section names from the manifest inxpect-instrument wrote
                     (default: the table embedded in OBJ); must match OBJ
  --events E1,E2     events to measure (default: the clock, or the module's
                     tsc); --events list shows what can be measured
  --sample N         measure every Nth run of the program (default 1: all)
  --sample E=N,...   a rate per event, e.g. --sample cycles=16,instructions=64
  --format FMT       table (default), json (one JSON object) or csv
  --output FILE      write the report to FILE instead of stdout

Each section is entered once per run that reaches it; with --sample 1 the
count of the entry function equals packets x passes.

Example:
  sudo inxpect-run replay xdp.o --pcap trace.pcap --repeat 3
  sudo inxpect-run replay xdp.o --synthetic 10000 --format json | jq .sections
)");
}

std::string runHelp() {
  return std::string(R"(inxpect-run run: load an instrumented XDP program, attach it to an
interface and profile the traffic that flows through it, live.

Usage:
  inxpect-run run OBJ --dev IFACE [--prog NAME] [--xdp-mode native|generic] [options]

The program is attached through a bpf_link owned by this process: it is
detached when inxpect-run exits, on Ctrl-C, SIGTERM, and even SIGKILL.
Every --interval seconds the figures since the start are printed; at the
end a final report. Counters start from zero when profiling starts.

Options:
  --dev IFACE        the interface to attach to (ip -br link lists them)
  --xdp-mode MODE    native (default: in the driver, fastest) or generic
                     (works on every interface, slower)
  --prog NAME        the XDP program to attach; needed only when OBJ has several
)") + kCommonHelp + R"(
Examples:
  sudo inxpect-run run xdp.o --dev eth0
  sudo inxpect-run run xdp.o --dev eth0 --duration 10 --format json --output prof.jsonl
  sudo inxpect-run run xdp.o --dev veth0 --xdp-mode generic --prometheus 127.0.0.1:9435
)";
}

std::string attachHelp() {
  return std::string(R"(inxpect-run attach: profile an instrumented program that another
loader loaded (ip link, xdp-loader, a pin), without reloading it.

Usage:
  inxpect-run attach (--prog-id ID | --prog-name NAME | --pinned PATH) [options]

The statistics map and the configuration are found among the program's
maps; sections are named from the table the object embeds (or --manifest).
Counting starts from zero when profiling starts. On exit the program's
configuration is put back as it was found (all sections on, same rates).

Options:
  --prog-id ID       the program's id (bpftool prog list, ip link show)
  --prog-name NAME   the loaded program's name (the first 15 characters of
                     its function name); must name exactly one program
  --pinned PATH      a program pinned in bpffs, e.g. /sys/fs/bpf/xdp_prog
)") + kCommonHelp + R"(
Examples:
  sudo ip link set dev eth0 xdp obj xdp.o sec xdp
  sudo inxpect-run attach --prog-name xdp_parser --sample 16
  sudo inxpect-run attach --prog-id 42 --sections parse_ipv4,handle_tcp --format csv
)";
}

Command parseCommandLine(const std::vector<std::string> &args) {
  Command c;
  if (args.empty())
    throw UsageError("no command given: try inxpect-run replay OBJ --synthetic 1000, "
                     "or inxpect-run --help");
  const std::string &cmd = args[0];
  auto helpFor = [](const std::string &name) {
    if (name == "replay")
      return replayHelp();
    if (name == "run")
      return runHelp();
    if (name == "attach")
      return attachHelp();
    return mainHelp();
  };
  if (isHelp(cmd)) {
    c.helpText = helpFor(args.size() > 1 ? args[1] : "");
    return c;
  }
  if (cmd != "replay" && cmd != "run" && cmd != "attach")
    throw UsageError("unknown command \"" + cmd + "\": the commands are replay, run and attach "
                     "(see inxpect-run --help)");
  for (std::size_t i = 1; i < args.size(); ++i)
    if (args[i] == "--help" || args[i] == "-h") {
      c.helpText = helpFor(cmd);
      return c;
    }
  bool list = false;
  if (cmd == "replay") {
    c.kind = Command::Kind::Replay;
    c.replay = parseReplay(args);
    list = c.replay.listEvents;
  } else if (cmd == "run") {
    c.kind = Command::Kind::Run;
    c.run = parseRun(args);
    list = c.run.listEvents;
  } else {
    c.kind = Command::Kind::Attach;
    c.attach = parseAttach(args);
    list = c.attach.listEvents;
  }
  if (list)
    c.kind = Command::Kind::ListEvents;
  return c;
}

} // namespace inxpect
