#include "profile/SectionTable.h"

#include "RunError.h"

namespace inxpect {

SectionTable SectionTable::fromManifest(const Manifest &manifest) {
  SectionTable t;
  const auto &sections = manifest.sections;
  for (const Section &s : manifest.sections) {
    SectionRow row;
    row.id = s.id;
    row.name = s.name;
    row.kind = kindName(s.kind);
    row.parent = s.parent;
    // Walk up at most size() steps: more means the parents loop.
    std::optional<unsigned> up = s.parent;
    while (up && *up < sections.size()) {
      if (++row.depth > sections.size())
        throw RunError("section \"" + s.name + "\": its parents form a cycle");
      up = sections[*up].parent;
    }
    t.rows_.push_back(std::move(row));
  }
  return t;
}

SectionTable resolveSectionTable(const EmbeddedSections &object,
                                 const std::optional<std::string> &manifestPath) {
  Manifest m;
  std::string from;
  try {
    if (manifestPath) {
      m = readManifestFile(*manifestPath);
      from = *manifestPath;
      if (manifestHash(m) != object.manifestHash)
        throw RunError(object.objectPath + " and " + *manifestPath +
                       " do not match (the object was built from another rewrite): pass the "
                       "manifest written with this object");
    } else {
      m = manifestFromSelfDescription(object.selfDescription);
      from = "the table embedded in " + object.objectPath;
    }
  } catch (const ManifestError &e) {
    throw RunError(std::string(e.what()) +
                   (manifestPath ? "" : ": pass the manifest with --manifest M"));
  }
  if (m.sections.size() != object.nsections)
    throw RunError(from + " names " + std::to_string(m.sections.size()) + " sections but " +
                   object.objectPath + " has " + std::to_string(object.nsections) +
                   ": rebuild the object from the rewritten source");
  return SectionTable::fromManifest(m);
}

} // namespace inxpect
