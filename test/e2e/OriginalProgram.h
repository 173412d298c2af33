// The original (uninstrumented) object, loaded with plain libbpf as any
// loader would: the reference the instrumented build is compared with.
#pragma once

#include <string>

struct bpf_object;

namespace e2e {

struct OriginalProgram {
  bpf_object *obj = nullptr;
  int fd = -1; // the entry program
  OriginalProgram() = default;
  OriginalProgram(const OriginalProgram &) = delete;
  OriginalProgram &operator=(const OriginalProgram &) = delete;
  ~OriginalProgram();
};

// Opens and loads `path`, finds the XDP program `entry` and fills its jump
// table (JumpTable.h). Fails the current test when a step fails.
void loadOriginal(const std::string &path, const std::string &entry, OriginalProgram &out);

} // namespace e2e
