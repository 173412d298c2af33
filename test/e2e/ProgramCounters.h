// Reads the entered_<function> counters an e2e program keeps itself
// (programs/e2e_count.h), from its .bss map through the object's BTF.
#pragma once

#include <cstdint>
#include <map>
#include <string>

struct bpf_object;

namespace e2e {

// Keyed by function name (without "entered_"). Fails the current test if the
// object has no .bss or no counters.
std::map<std::string, uint64_t> readEntryCounters(bpf_object *obj);

} // namespace e2e
