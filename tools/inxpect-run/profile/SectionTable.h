// The sections a report names: ids, names, kinds and nesting depth.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Manifest.h"

namespace inxpect {

struct SectionRow {
  unsigned id = 0;
  std::string name;
  std::string kind;               // "function", "loop", "region", "manual"
  std::optional<unsigned> parent; // id of the enclosing section
  unsigned depth = 0;             // 0 for a top-level section, parent's + 1 otherwise
};

class SectionTable {
public:
  SectionTable() = default;
  // Throws RunError when parents form a cycle.
  static SectionTable fromManifest(const Manifest &manifest);
  const std::vector<SectionRow> &rows() const { return rows_; }
  std::size_t size() const { return rows_.size(); }

private:
  std::vector<SectionRow> rows_;
};

// What an object embeds about its sections (see LoadedObject's ObjectLayout).
struct EmbeddedSections {
  std::string objectPath;
  std::string selfDescription; // inxpect_self
  uint64_t manifestHash = 0;   // inxpect_manifest_hash
  unsigned nsections = 0;      // slots a CPU in inxpect_stats
};

// Names the object's sections: from the manifest file when one is given (it
// must be the one written with this object), else from the embedded table.
// Throws RunError on a mismatch or a damaged table.
SectionTable resolveSectionTable(const EmbeddedSections &object,
                                 const std::optional<std::string> &manifestPath);

} // namespace inxpect
