// Finds a BPF program in the kernel (by id, by name or by pin) and the maps
// inxpect's probes use among its maps.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <linux/bpf.h>

namespace inxpect {

// Each returns an fd the caller owns, or throws RunError saying what to do
// (not root, no such program, a name shared by several programs...).
int programFdById(uint32_t id);
int programFdByName(const std::string &name);
int programFdByPin(const std::string &path);

// A map of a program, as the kernel describes it.
struct ProgramMap {
  int fd = -1; // owned by whoever holds the ProgramMaps
  bpf_map_info info{};
};

// A program's id and name, and its inxpect_stats, inxpect_runs and
// .data.inxpect maps.
struct ProgramMaps {
  uint32_t id = 0;
  std::string name; // as the kernel keeps it (15 characters)
  ProgramMap stats, runs, data;
};

// The maps of the program `progFd` (not owned); the caller owns the three
// fds. Throws RunError, closing what it opened: a program without them is
// "not instrumented", and the message says how to instrument it, or, for
// libxdp's dispatcher, which programs run behind it (ProgramExtensions).
// Extensions (BPF_PROG_TYPE_EXT, as xdp-loader loads programs) are found
// like any program: their maps are their own.
ProgramMaps findProgramMaps(int progFd);

// The same, quietly: nothing (and nothing left open) when the program lacks
// any of the three maps, as every program not built from a rewrite does.
std::optional<ProgramMaps> instrumentedMaps(int progFd);

} // namespace inxpect
