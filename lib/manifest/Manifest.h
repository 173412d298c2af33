// The section manifest (schema version 1): the one place that reads and
// writes it, shared by inxpect-instrument and inxpect-run.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace inxpect {

inline constexpr int kManifestVersion = 1;

enum class SectionKind { Function, Loop, Region, Manual };

const char *kindName(SectionKind kind);
std::optional<SectionKind> kindFromName(const std::string &name);

struct SourcePos {
  unsigned line = 0;
  unsigned col = 0;
};

struct Section {
  unsigned id = 0;
  std::string name;
  SectionKind kind = SectionKind::Function;
  std::string function; // the function the section is in (or is)
  std::string file;     // the source, or the header the section's code is in
  SourcePos begin, end;
  std::optional<unsigned> parent; // id of the lexically enclosing section
};

struct Manifest {
  std::string source;
  std::string output;
  // The program's license (the string in section "license"), none without
  // one. Unless it is GPL-compatible the kernel refuses any kfunc call, so
  // the probes were built to read the clock only (clockOnly).
  std::optional<std::string> license;
  bool clockOnly = false;
  std::vector<Section> sections;
};

// A manifest that breaks the schema: says which field and why.
class ManifestError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// Fields in schema order (nlohmann::ordered_json), so files read naturally.
nlohmann::ordered_json toJson(const Manifest &manifest);
// Checks the schema: version, dense ids from 0, unique names, known kinds,
// parents that exist. Throws ManifestError.
Manifest manifestFromJson(const nlohmann::ordered_json &json);

std::string formatManifest(const Manifest &manifest); // pretty JSON text
Manifest readManifestFile(const std::string &path);   // throws ManifestError

// FNV-1a 64 over the sections' identity (id, name, kind, function, parent):
// equal for a manifest and the object built from the same rewrite.
uint64_t manifestHash(const Manifest &manifest);

// Why the probes read the clock only, as a clause: "the program's license
// \"MIT\" is not GPL-compatible", "the program has no license".
std::string clockOnlyReason(const Manifest &manifest);

// The compact JSON embedded in an instrumented object (inxpect_self): the
// sections without source ranges, the hash, and license and clock_only.
std::string selfDescription(const Manifest &manifest);
// Reads an embedded description back; ranges and files are left empty (and
// license and clockOnly, from an object built before they were embedded).
Manifest manifestFromSelfDescription(const std::string &text); // throws ManifestError
uint64_t hashFromSelfDescription(const std::string &text);      // throws ManifestError

} // namespace inxpect
