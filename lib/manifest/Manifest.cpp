#include "Manifest.h"

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

using json = nlohmann::ordered_json;

namespace inxpect {

namespace {

struct KindEntry {
  SectionKind kind;
  const char *name;
};
constexpr KindEntry kKinds[] = {{SectionKind::Function, "function"},
                                {SectionKind::Loop, "loop"},
                                {SectionKind::Region, "region"},
                                {SectionKind::Manual, "manual"}};

json posToJson(const SourcePos &pos) { return {{"line", pos.line}, {"col", pos.col}}; }

SourcePos posFromJson(const json &j, const std::string &where) {
  if (!j.is_object() || !j.contains("line") || !j.contains("col") ||
      !j["line"].is_number_unsigned() || !j["col"].is_number_unsigned())
    throw ManifestError(where + ": expected {\"line\": N, \"col\": N}");
  return {j["line"].get<unsigned>(), j["col"].get<unsigned>()};
}

// The fields that identify a section, in the order they are hashed.
json sectionIdentity(const Section &s) {
  return {{"id", s.id},
          {"name", s.name},
          {"kind", kindName(s.kind)},
          {"function", s.function},
          {"parent", s.parent ? json(*s.parent) : json(nullptr)}};
}

const json &field(const json &obj, const char *key, const std::string &where) {
  auto it = obj.find(key);
  if (it == obj.end())
    throw ManifestError(where + ": missing field \"" + key + "\"");
  return *it;
}

std::string stringField(const json &obj, const char *key, const std::string &where) {
  const json &v = field(obj, key, where);
  if (!v.is_string())
    throw ManifestError(where + "." + key + ": expected a string");
  return v.get<std::string>();
}

// Parses the sections array shared by the manifest and the embedded form.
std::vector<Section> sectionsFromJson(const json &j, bool withRanges) {
  const json &arr = field(j, "sections", "manifest");
  if (!arr.is_array())
    throw ManifestError("manifest.sections: expected an array");
  std::vector<Section> sections;
  std::set<std::string> names;
  for (size_t i = 0; i < arr.size(); ++i) {
    const json &o = arr[i];
    std::string where = "manifest.sections[" + std::to_string(i) + "]";
    if (!o.is_object())
      throw ManifestError(where + ": expected an object");
    Section s;
    const json &id = field(o, "id", where);
    if (!id.is_number_unsigned() || id.get<unsigned>() != i)
      throw ManifestError(where + ".id: ids must be dense from 0 in order, expected " +
                          std::to_string(i));
    s.id = id.get<unsigned>();
    s.name = stringField(o, "name", where);
    if (s.name.empty() || !names.insert(s.name).second)
      throw ManifestError(where + ".name: \"" + s.name + "\" is empty or not unique");
    std::string kind = stringField(o, "kind", where);
    auto k = kindFromName(kind);
    if (!k)
      throw ManifestError(where + ".kind: unknown kind \"" + kind + "\"");
    s.kind = *k;
    s.function = stringField(o, "function", where);
    const json &parent = field(o, "parent", where);
    if (!parent.is_null()) {
      if (!parent.is_number_unsigned() || parent.get<unsigned>() >= arr.size() ||
          parent.get<unsigned>() == i)
        throw ManifestError(where + ".parent: expected null or the id of another section");
      s.parent = parent.get<unsigned>();
    }
    if (withRanges) {
      // Absent from manifests written before headers had sections: the source.
      if (o.contains("file"))
        s.file = stringField(o, "file", where);
      s.begin = posFromJson(field(o, "begin", where), where + ".begin");
      s.end = posFromJson(field(o, "end", where), where + ".end");
    }
    sections.push_back(std::move(s));
  }
  return sections;
}

// license (a string or null) and clock_only, absent from older manifests.
json licenseToJson(const Manifest &m) { return m.license ? json(*m.license) : json(nullptr); }

void licenseFromJson(const json &j, Manifest &m) {
  auto license = j.find("license");
  if (license != j.end() && !license->is_null()) {
    if (!license->is_string())
      throw ManifestError("manifest.license: expected a string or null");
    m.license = license->get<std::string>();
  }
  auto clockOnly = j.find("clock_only");
  if (clockOnly != j.end()) {
    if (!clockOnly->is_boolean())
      throw ManifestError("manifest.clock_only: expected true or false");
    m.clockOnly = clockOnly->get<bool>();
  }
}

void checkVersion(const json &j, const char *key) {
  if (!j.is_object())
    throw ManifestError("manifest: expected a JSON object");
  const json &v = field(j, key, "manifest");
  if (!v.is_number_integer() || v.get<int>() != kManifestVersion)
    throw ManifestError(std::string("manifest.") + key + ": unsupported schema version " +
                        v.dump() + " (this inxpect reads version " +
                        std::to_string(kManifestVersion) + ")");
}

std::string hexHash(uint64_t h) {
  char buf[19];
  std::snprintf(buf, sizeof buf, "0x%016llx", static_cast<unsigned long long>(h));
  return buf;
}

} // namespace

const char *kindName(SectionKind kind) {
  for (const auto &e : kKinds)
    if (e.kind == kind)
      return e.name;
  return "unknown";
}

std::optional<SectionKind> kindFromName(const std::string &name) {
  for (const auto &e : kKinds)
    if (name == e.name)
      return e.kind;
  return std::nullopt;
}

json toJson(const Manifest &m) {
  json sections = json::array();
  for (const Section &s : m.sections) {
    // The brief's field order: identity, then where, then nesting.
    json identity = sectionIdentity(s);
    json o = {{"id", identity["id"]},     {"name", identity["name"]},
              {"kind", identity["kind"]}, {"function", identity["function"]},
              {"file", s.file},           {"begin", posToJson(s.begin)},
              {"end", posToJson(s.end)},  {"parent", identity["parent"]}};
    sections.push_back(std::move(o));
  }
  return {{"inxpect_manifest", kManifestVersion},
          {"source", m.source},
          {"output", m.output},
          {"hash", hexHash(manifestHash(m))},
          {"license", licenseToJson(m)},
          {"clock_only", m.clockOnly},
          {"sections", std::move(sections)}};
}

Manifest manifestFromJson(const json &j) {
  checkVersion(j, "inxpect_manifest");
  Manifest m;
  m.source = stringField(j, "source", "manifest");
  m.output = stringField(j, "output", "manifest");
  licenseFromJson(j, m);
  m.sections = sectionsFromJson(j, /*withRanges=*/true);
  for (Section &s : m.sections)
    if (s.file.empty())
      s.file = m.source;
  return m;
}

// A license is the program's bytes, not always UTF-8: those JSON cannot hold
// are written as U+FFFD rather than refused.
std::string formatManifest(const Manifest &m) {
  return toJson(m).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Manifest readManifestFile(const std::string &path) {
  std::ifstream in(path);
  if (!in)
    throw ManifestError(path + ": cannot open the manifest");
  json j = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded())
    throw ManifestError(path + ": not valid JSON");
  try {
    return manifestFromJson(j);
  } catch (const ManifestError &e) {
    throw ManifestError(path + ": " + e.what());
  }
}

uint64_t manifestHash(const Manifest &m) {
  json ids = json::array();
  for (const Section &s : m.sections)
    ids.push_back(sectionIdentity(s));
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : ids.dump()) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string selfDescription(const Manifest &m) {
  json sections = json::array();
  for (const Section &s : m.sections)
    sections.push_back(sectionIdentity(s));
  json j = {{"inxpect_self", kManifestVersion},
            {"hash", hexHash(manifestHash(m))},
            {"license", licenseToJson(m)},
            {"clock_only", m.clockOnly},
            {"sections", std::move(sections)}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string clockOnlyReason(const Manifest &m) {
  return m.license ? "the program's license \"" + *m.license + "\" is not GPL-compatible"
                   : std::string("the program has no license");
}

Manifest manifestFromSelfDescription(const std::string &text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded())
    throw ManifestError("embedded section table: not valid JSON");
  checkVersion(j, "inxpect_self");
  Manifest m;
  licenseFromJson(j, m);
  m.sections = sectionsFromJson(j, /*withRanges=*/false);
  return m;
}

uint64_t hashFromSelfDescription(const std::string &text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.contains("hash") || !j["hash"].is_string())
    throw ManifestError("embedded section table: no hash");
  return std::stoull(j["hash"].get<std::string>(), nullptr, 16);
}

} // namespace inxpect
