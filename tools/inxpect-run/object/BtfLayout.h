// Where inxpect's variables and fields sit, read from BTF: the runner never
// hard-codes an offset, so a change in runtime/bpf/inxpect.h reaches it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "object/StatsLayout.h"

struct btf;

namespace inxpect {

struct VarInfo {
  std::size_t offset = 0;
  std::size_t size = 0;
  uint32_t type = 0;
};

// The variables of the DATASEC type `datasecId` (or named `section`), by name.
std::map<std::string, VarInfo> datasecVariables(const btf *btf, int datasecId);
std::map<std::string, VarInfo> datasecVariables(const btf *btf, const char *section);

struct MemberInfo {
  std::size_t offset = 0;
  unsigned elements = 1;      // array length, 1 for a scalar
  unsigned innerElements = 1; // an array of arrays: the inner length
};

// A struct member's byte offset and array length; false when absent.
bool findMember(const btf *btf, uint32_t structType, const char *name, MemberInfo &out);

// The offsets in .data.inxpect a runner writes and reads.
struct ConfigLayout {
  std::size_t enabled = 0;      // inxpect_config.enabled
  std::size_t counter = 0;      // inxpect_config.counter[0]
  std::size_t sampleEvery = 0;  // inxpect_config.sample_every[0]
  unsigned configEvents = 0;    // elements of sample_every[]
  std::size_t probeOwn = 0;     // inxpect_config.probe_own[0]; 0: an older header keeps none
  std::size_t probeNested = 0;  // inxpect_config.probe_nested[0], likewise
  std::size_t configBegin = 0, configSize = 0; // inxpect_config whole
  std::size_t sectionOff = 0;   // inxpect_section_off[0]
  unsigned nsections = 0;       // elements of inxpect_section_off[]
  std::size_t manifestHash = 0; // inxpect_manifest_hash
  std::size_t self = 0, selfSize = 0; // inxpect_self[]
};

// Reads the layout of .data.inxpect from its variables. Throws RunError naming
// `what` (the object or program) when a variable or field is missing.
ConfigLayout readConfigLayout(const btf *btf, const std::map<std::string, VarInfo> &vars,
                              const std::string &what);

// Reads struct inxpect_slot from the object's BTF. Throws RunError naming
// `what` without it.
SlotLayout readSlotLayout(const btf *btf, const std::string &what);

// Where inxpect_runs' value keeps struct inxpect_run's runs field and the
// sections' untimed entries, from the types named so. Throws RunError naming
// `what` without a struct inxpect_run and its runs field.
RunsLayout readRunsLayout(const btf *btf, const std::string &what);

// Throws RunError when the stats slots (`statsEvents` events a slot) and
// inxpect_config's arrays come from two versions of inxpect.h.
void checkSameRuntime(const ConfigLayout &config, unsigned statsEvents, const std::string &what);

} // namespace inxpect
