// inxpect-run list --format json: the one place its schema is written
// (docs/running.md documents it; fields may be added, never renamed).
#include <nlohmann/json.hpp>

#include "views/ProgramListing.h"

namespace inxpect {

namespace {

using json = nlohmann::ordered_json;

template <class T> json orNull(bool present, const T &value) {
  return present ? json(value) : json(nullptr);
}

json xdpJson(const XdpAttachment &a) {
  return {{"ifindex", a.ifindex},
          {"interface", orNull(!a.interface.empty(), a.interface)},
          {"mode", orNull(a.mode != nullptr, a.mode ? a.mode : "")},
          {"link_id", orNull(a.linkId != 0, a.linkId)}};
}

// One entry a place the program runs, each with its "kind".
json attachedJson(const Attachments &a) {
  json list = json::array();
  for (const XdpAttachment &x : a.xdp) {
    json entry = {{"kind", "xdp"}};
    entry.update(xdpJson(x));
    list.push_back(entry);
  }
  if (const auto &e = a.extensionOf) {
    json targetXdp = json::array();
    for (const XdpAttachment &x : a.targetXdp)
      targetXdp.push_back(xdpJson(x));
    list.push_back({{"kind", "extension"},
                    {"target_id", e->targetId},
                    {"target_name", e->targetName},
                    {"libxdp_dispatcher", isLibxdpDispatcher(e->targetName)},
                    {"target_xdp", targetXdp}});
  }
  for (const TailCallSlot &t : a.tailCalls)
    list.push_back({{"kind", "tail_call"},
                    {"map_id", t.mapId},
                    {"map_name", t.mapName},
                    {"index", t.index}});
  return list;
}

json sectionsJson(const std::vector<SectionRow> &sections) {
  json list = json::array();
  for (const SectionRow &s : sections)
    list.push_back({{"id", s.id},
                    {"name", s.name},
                    {"kind", s.kind},
                    {"parent", orNull(s.parent.has_value(), s.parent.value_or(0))}});
  return list;
}

} // namespace

void writeProgramJson(std::ostream &out, const std::vector<ListedProgram> &programs) {
  json list = json::array();
  for (const ListedProgram &p : programs) {
    bool readable = p.instrumented && p.problem.empty();
    list.push_back(
        {{"id", p.id},
         {"name", p.name},
         {"type", p.type},
         {"tag", p.tag},
         {"instrumented", p.instrumented},
         {"sections", sectionsJson(p.sections)},
         {"stats_layout", orNull(readable, p.statsLayout)},
         {"manifest_hash", orNull(p.manifestHash.has_value(), hashText(p.manifestHash.value_or(0)))},
         {"error", orNull(!p.problem.empty(), p.problem)},
         {"attached", attachedJson(p.attached)},
         {"session", p.session ? json{{"pid", orNull(*p.session != 0, *p.session)}}
                               : json(nullptr)}});
  }
  out << list.dump() << "\n";
}

} // namespace inxpect
