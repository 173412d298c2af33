// The inxpect-run command line: parsed into plain structs, help texts.
// The options themselves are tables (cli/CommonOptions.cpp, cli/CommandTable.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compare/CompareWriters.h"
#include "counters/CounterSource.h"
#include "traffic/XdpLink.h"
#include "views/OutputFile.h"

namespace inxpect {


// What every command shares: which events, how often, which sections, how
// the figures are shown and where they go.
struct CommonOptions {
  std::optional<std::string> manifest;
  std::vector<std::string> events;            // --events; empty: the source's default
  bool listEvents = false;                    // --events list: print what the source offers
  uint32_t sampleEvery = 1;                   // --sample N: every Nth run, all events
  std::map<std::string, uint32_t> sampleByEvent; // --sample cycles=16,instructions=64
  bool precise = false;                       // --precise: fenced counter reads (kernel module)
  std::vector<std::string> sections;          // --sections: only these are on; empty: all
  std::optional<std::string> sectionsFile;    // --sections-file: the same, re-read while running
  double intervalSeconds = 1.0;               // --interval: how often live figures print
  std::optional<double> durationSeconds;      // --duration: stop after, else at Ctrl-C
  OutputFormat format = OutputFormat::Table;
  std::optional<std::string> output;          // --output FILE instead of stdout
  std::optional<std::string> prometheus;      // --prometheus ADDR:PORT
  bool perCpu = false;                        // --per-cpu: a column block per CPU
  bool raw = false;                           // --raw: the table shows readings as taken
  bool noCurses = false;                      // --no-curses: the plain redraw, no keys

  // The events to arm, in slot order, each with its sampling rate.
  std::vector<EventRequest> eventRequests() const;
  // Throws UsageError for options that contradict each other.
  void check() const;
};

// What the commands that load an object share: the file and its program.
struct ObjectOptions : CommonOptions {
  std::string object;
  std::optional<std::string> prog;      // empty: the object's only XDP program
  bool explainVerifier = false;         // --explain-verifier: over the budget, say where it went
};

struct ReplayOptions : ObjectOptions {
  std::optional<std::string> pcap;      // exactly one of pcap and synthetic
  std::optional<std::size_t> synthetic; // number of generated frames
  unsigned repeat = 1;                  // passes over the packets
};

// Two builds on the same packets: `object` (ObjectOptions) is A, the base;
// --prog, the packets and --repeat as replay has them.
struct CompareOptions : ReplayOptions {
  std::string objectB;                   // the change
  unsigned rounds = 20;                  // --rounds: each build's
  double threshold = 0.05;               // --threshold PCT, relative
  CompareFormat view = CompareFormat::Table; // compare's own --format
  bool deterministic = false;            // --deterministic: in a QEMU guest under -icount
};

struct RunOptions : ObjectOptions {
  std::string device;                   // --dev IFACE
  XdpMode xdpMode = XdpMode::Native;
};

// Exactly one of the three ways to name a program someone else loaded.
struct AttachOptions : CommonOptions {
  std::optional<uint32_t> progId;
  std::optional<std::string> progName;
  std::optional<std::string> pinned;
};

// inxpect-run list: only --format (table or json) and --all.
struct ListOptions : CommonOptions {
  bool all = false; // programs that are not instrumented too, marked so
};

struct Command {
  enum class Kind { Help, Version, ListEvents, Replay, Compare, Run, Attach, List } kind = Kind::Help;
  std::string helpText; // for Kind::Help: what to print on stdout
  ReplayOptions replay;
  CompareOptions compare;
  RunOptions run;
  AttachOptions attach;
  ListOptions list;
};

// args excludes argv[0]. Throws UsageError naming the offending argument.
Command parseCommandLine(const std::vector<std::string> &args);

std::string mainHelp();
std::string replayHelp();
std::string runHelp();
std::string attachHelp();

} // namespace inxpect
