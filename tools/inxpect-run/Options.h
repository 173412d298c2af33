// The inxpect-run command line: parsed into plain structs, help texts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace inxpect {

enum class OutputFormat { Table, Json };

struct ReplayOptions {
  std::string object;
  std::optional<std::string> manifest;
  std::optional<std::string> prog;      // empty: the object's only XDP program
  std::optional<std::string> pcap;      // exactly one of pcap and synthetic
  std::optional<std::size_t> synthetic; // number of generated frames
  unsigned repeat = 1;                  // passes over the packets
  OutputFormat format = OutputFormat::Table;
  uint32_t sampleEvery = 1;             // measure every Nth run
};

struct Command {
  enum class Kind { Help, Replay } kind = Kind::Help;
  std::string helpText; // for Kind::Help: what to print on stdout
  ReplayOptions replay;
};

// args excludes argv[0]. Throws UsageError naming the offending argument.
Command parseCommandLine(const std::vector<std::string> &args);

std::string mainHelp();
std::string replayHelp();

} // namespace inxpect
