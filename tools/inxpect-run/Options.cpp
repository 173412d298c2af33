#include "Options.h"

#include <cerrno>
#include <cstdlib>
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

// Splits "--name=value" and "--name value" alike; returns the value.
std::string takeValue(const std::vector<std::string> &args, std::size_t &i,
                      const std::string &name, const std::optional<std::string> &inlineValue) {
  if (inlineValue)
    return *inlineValue;
  if (i + 1 >= args.size())
    throw UsageError(name + " needs a value" + kSeeHelp);
  return args[++i];
}

ReplayOptions parseReplay(const std::vector<std::string> &args, std::size_t first) {
  ReplayOptions o;
  std::vector<std::string> positional;
  for (std::size_t i = first; i < args.size(); ++i) {
    const std::string &arg = args[i];
    if (arg.size() < 2 || arg.compare(0, 2, "--") != 0) {
      if (arg.size() > 1 && arg[0] == '-')
        throw UsageError("unknown option " + arg + kSeeHelp);
      positional.push_back(arg);
      continue;
    }
    std::string name = arg;
    std::optional<std::string> inlineValue;
    if (auto eq = arg.find('='); eq != std::string::npos) {
      name = arg.substr(0, eq);
      inlineValue = arg.substr(eq + 1);
    }
    auto value = [&] { return takeValue(args, i, name, inlineValue); };
    if (name == "--manifest") {
      o.manifest = value();
    } else if (name == "--prog") {
      o.prog = value();
    } else if (name == "--pcap") {
      o.pcap = value();
    } else if (name == "--synthetic") {
      o.synthetic = positiveNumber(name, value(), 100000000);
    } else if (name == "--repeat") {
      o.repeat = positiveNumber(name, value(), 1000000);
    } else if (name == "--sample") {
      o.sampleEvery = positiveNumber(name, value(), std::numeric_limits<uint32_t>::max());
    } else if (name == "--format") {
      std::string f = value();
      if (f == "table")
        o.format = OutputFormat::Table;
      else if (f == "json")
        o.format = OutputFormat::Json;
      else
        throw UsageError("--format expects table or json, got \"" + f + "\"");
    } else {
      throw UsageError("unknown option " + name + kSeeHelp);
    }
  }
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
  return o;
}

bool isHelp(const std::string &arg) { return arg == "--help" || arg == "-h" || arg == "help"; }

} // namespace

std::string mainHelp() {
  return R"(inxpect-run: runs an instrumented XDP program and reports each section's cost.

Usage:
  inxpect-run replay OBJ (--pcap FILE | --synthetic N) [options]
  inxpect-run replay --help

Commands:
  replay   run packets through the program with BPF_PROG_TEST_RUN: no NIC
           needed, works in CI and on a laptop (needs root)

OBJ is a BPF object compiled from the output of inxpect-instrument, e.g.:
  inxpect-instrument --per-function xdp.c
  clang -target bpf -O2 -g -I runtime/bpf -c xdp.inxpect.c -o xdp.o
  sudo inxpect-run replay xdp.o --synthetic 10000
)";
}

std::string replayHelp() {
  return R"(inxpect-run replay: profile an instrumented XDP program on recorded or
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
  --sample N         measure every Nth run of the program (default 1: all)
  --format FMT       table (default) or json (one JSON object a line)

Each section is entered once per run that reaches it; with --sample 1 the
count of the entry function equals packets x passes.

Example:
  sudo inxpect-run replay xdp.o --pcap trace.pcap --repeat 3
  sudo inxpect-run replay xdp.o --synthetic 10000 --format json | jq .sections
)";
}

Command parseCommandLine(const std::vector<std::string> &args) {
  Command c;
  if (args.empty())
    throw UsageError("no command given: try inxpect-run replay OBJ --synthetic 1000, "
                     "or inxpect-run --help");
  const std::string &cmd = args[0];
  if (isHelp(cmd)) {
    c.helpText = (args.size() > 1 && args[1] == "replay") ? replayHelp() : mainHelp();
    return c;
  }
  if (cmd == "replay") {
    for (std::size_t i = 1; i < args.size(); ++i)
      if (args[i] == "--help" || args[i] == "-h") {
        c.helpText = replayHelp();
        return c;
      }
    c.kind = Command::Kind::Replay;
    c.replay = parseReplay(args, 1);
    return c;
  }
  if (cmd == "run" || cmd == "attach")
    throw UsageError("'" + cmd + "' is not available in this version yet: use "
                     "inxpect-run replay OBJ (--pcap FILE | --synthetic N)");
  throw UsageError("unknown command \"" + cmd + "\": the command is replay "
                   "(see inxpect-run --help)");
}

} // namespace inxpect
