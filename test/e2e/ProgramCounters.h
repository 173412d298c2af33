// Reads the counts an e2e program keeps itself (programs/e2e_count.h) from
// its .bss map, finding each variable through the object's BTF.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

struct bpf_object;

namespace e2e {

struct ProgramCounters {
  std::map<std::string, uint64_t> byName; // entered_<name>, keyed by <name>
  std::vector<uint64_t> byLine;           // entered_line[line]: loops
  uint64_t runs = 0; // e2e_runs - e2e_tail_calls: runs, a tail-called program going on with one

  bool operator==(const ProgramCounters &o) const {
    return byName == o.byName && byLine == o.byLine && runs == o.runs;
  }
};

// Fails the current test if the object has no .bss, no entered_ counters,
// no entered_line array or no e2e_runs.
ProgramCounters readProgramCounters(bpf_object *obj);

} // namespace e2e
