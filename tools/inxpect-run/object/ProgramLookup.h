// Finds a BPF program someone else loaded: by id, by name or by pin.
#pragma once

#include <cstdint>
#include <string>

namespace inxpect {

// Each returns an fd the caller owns, or throws RunError saying what to do
// (not root, no such program, a name shared by several programs...).
int programFdById(uint32_t id);
int programFdByName(const std::string &name);
int programFdByPin(const std::string &path);

} // namespace inxpect
