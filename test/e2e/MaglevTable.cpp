#include "MaglevTable.h"

#include <cstddef>

namespace e2e {

namespace {

// FNV-1a over the backend's four bytes, from two bases: the two hashes
// Maglev derives a backend's permutation from.
uint32_t fnv1a(uint32_t value, uint32_t basis) {
  uint32_t h = basis;
  for (int i = 0; i < 4; ++i) {
    h ^= (value >> (8 * i)) & 0xff;
    h *= 16777619u;
  }
  return h;
}

} // namespace

std::vector<uint32_t> maglevTable(const std::vector<uint32_t> &backends, uint32_t size) {
  const std::size_t n = backends.size();
  std::vector<uint32_t> offset(n), skip(n), next(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    offset[i] = fnv1a(backends[i], 2166136261u) % size;
    skip[i] = fnv1a(backends[i], 0x9e3779b9u) % (size - 1) + 1;
  }
  std::vector<bool> taken(size, false);
  std::vector<uint32_t> table(size);
  for (uint32_t filled = 0; n > 0 && filled < size;) {
    for (std::size_t i = 0; i < n && filled < size; ++i) {
      uint32_t slot;
      do // the backend's next preferred slot that is still free
        slot = (offset[i] + uint64_t(next[i]++) * skip[i]) % size;
      while (taken[slot]);
      taken[slot] = true;
      table[slot] = backends[i];
      ++filled;
    }
  }
  return table;
}

} // namespace e2e
