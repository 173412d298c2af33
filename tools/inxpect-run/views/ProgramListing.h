// What `inxpect-run list` shows of each loaded program, and its two writers:
// blocks of lines as `bpftool prog show` prints them, and one JSON array.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <ostream>
#include <string>
#include <sys/types.h>
#include <vector>

#include "object/ProgramAttachments.h"
#include "profile/SectionTable.h"

namespace inxpect {

struct ListedProgram {
  uint32_t id = 0;
  std::string name; // as the kernel keeps it (15 characters)
  std::string type; // "xdp", "ext", ...
  std::string tag;  // 16 hex digits
  bool instrumented = false;
  // An instrumented program's embedded table, its stats layout ("cpu-slots",
  // "global", "percpu-map") and manifest hash; empty when `problem` says
  // why they could not be read (a runtime of another version, a damaged table).
  std::vector<SectionRow> sections;
  std::string statsLayout;
  std::optional<uint64_t> manifestHash;
  std::string problem;
  Attachments attached;
  std::optional<pid_t> session; // the inxpect-run profiling it (0: pid not yet known)
};

// A manifest hash as both writers print it: 16 hex digits.
inline std::string hashText(uint64_t hash) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash));
  return buf;
}

void writeProgramTable(std::ostream &out, const std::vector<ListedProgram> &programs);
// One array, an object a program, on one line (docs/running.md: the schema).
void writeProgramJson(std::ostream &out, const std::vector<ListedProgram> &programs);

} // namespace inxpect
