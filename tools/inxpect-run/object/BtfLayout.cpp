#include "object/BtfLayout.h"

#include <cstring>

#include <bpf/btf.h>

#include "RunError.h"
#include "profile/Histogram.h"

namespace inxpect {

std::map<std::string, VarInfo> datasecVariables(const btf *btf, int datasecId) {
  std::map<std::string, VarInfo> vars;
  const btf_type *sec = datasecId > 0 ? btf__type_by_id(btf, datasecId) : nullptr;
  if (!sec || !btf_is_datasec(sec))
    return vars;
  const btf_var_secinfo *vs = btf_var_secinfos(sec);
  for (unsigned i = 0; i < btf_vlen(sec); ++i, ++vs) {
    const btf_type *var = btf__type_by_id(btf, vs->type);
    vars[btf__name_by_offset(btf, var->name_off)] = {vs->offset, vs->size, var->type};
  }
  return vars;
}

std::map<std::string, VarInfo> datasecVariables(const btf *btf, const char *section) {
  return datasecVariables(btf, btf__find_by_name_kind(btf, section, BTF_KIND_DATASEC));
}

bool findMember(const btf *btf, uint32_t structType, const char *name, MemberInfo &out) {
  int resolved = btf__resolve_type(btf, structType);
  if (resolved < 0)
    return false;
  const btf_type *t = btf__type_by_id(btf, resolved);
  if (!btf_is_struct(t))
    return false;
  const btf_member *m = btf_members(t);
  for (unsigned i = 0; i < btf_vlen(t); ++i, ++m) {
    if (std::strcmp(btf__name_by_offset(btf, m->name_off), name) != 0)
      continue;
    out.offset = btf_member_bit_offset(t, i) / 8;
    int memberType = btf__resolve_type(btf, m->type);
    const btf_type *mt = memberType < 0 ? nullptr : btf__type_by_id(btf, memberType);
    out.elements = (mt && btf_is_array(mt)) ? btf_array(mt)->nelems : 1;
    int innerType = (mt && btf_is_array(mt)) ? btf__resolve_type(btf, btf_array(mt)->type) : -1;
    const btf_type *inner = innerType < 0 ? nullptr : btf__type_by_id(btf, innerType);
    out.innerElements = (inner && btf_is_array(inner)) ? btf_array(inner)->nelems : 1;
    return true;
  }
  return false;
}

ConfigLayout readConfigLayout(const btf *btf, const std::map<std::string, VarInfo> &vars,
                              const std::string &what) {
  for (const char *name : {"inxpect_config", "inxpect_section_off", "inxpect_manifest_hash",
                           "inxpect_self"})
    if (!vars.count(name))
      throw RunError(what + ": .data.inxpect has no " + name +
                     " (built with another inxpect.h?): rebuild it with this version's "
                     "runtime/bpf/inxpect.h");
  const VarInfo &config = vars.at("inxpect_config");
  MemberInfo enabled, counter, sample;
  if (!findMember(btf, config.type, "enabled", enabled) ||
      !findMember(btf, config.type, "counter", counter) ||
      !findMember(btf, config.type, "sample_every", sample))
    throw RunError(what + ": struct inxpect_config lacks enabled/counter/sample_every: rebuild "
                   "it with this version's runtime/bpf/inxpect.h");
  ConfigLayout l;
  l.enabled = config.offset + enabled.offset;
  l.counter = config.offset + counter.offset;
  l.sampleEvery = config.offset + sample.offset;
  l.configEvents = sample.elements;
  l.configBegin = config.offset;
  l.configSize = config.size;
  MemberInfo own, nested;
  if (findMember(btf, config.type, "probe_own", own) &&
      findMember(btf, config.type, "probe_nested", nested)) {
    l.probeOwn = config.offset + own.offset;
    l.probeNested = config.offset + nested.offset;
  }
  if (counter.elements != sample.elements)
    throw RunError(what + ": inxpect_config has " + std::to_string(counter.elements) +
                   " counters but " + std::to_string(sample.elements) +
                   " rates: the object mixes two versions of inxpect.h, rebuild it");
  l.sectionOff = vars.at("inxpect_section_off").offset;
  l.nsections = vars.at("inxpect_section_off").size;
  l.manifestHash = vars.at("inxpect_manifest_hash").offset;
  l.self = vars.at("inxpect_self").offset;
  l.selfSize = vars.at("inxpect_self").size;
  return l;
}

namespace {

// INXPECT_OBJECT's slot type: struct inxpect_slot, then a struct
// inxpect_parent_stats a parent. Offset 0 where the object keeps none (an
// older header, or -DINXPECT_NO_PARENT_STATS).
ByParentLayout readByParentLayout(const btf *btf) {
  ByParentLayout l;
  int slotType = btf__find_by_name_kind(btf, "inxpect_slot_of_object", BTF_KIND_STRUCT);
  int statsType = btf__find_by_name_kind(btf, "inxpect_parent_stats", BTF_KIND_STRUCT);
  MemberInfo byParent, count, total, nested;
  if (slotType <= 0 || statsType <= 0 || !findMember(btf, slotType, "by_parent", byParent) ||
      !findMember(btf, statsType, "count", count) || !findMember(btf, statsType, "total", total) ||
      !findMember(btf, statsType, "nested", nested))
    return l;
  long stride = btf__resolve_size(btf, statsType);
  if (stride <= 0 || byParent.elements == 0) // none: -DINXPECT_NO_PARENT_STATS
    return l;
  l.offset = byParent.offset;
  l.stride = stride;
  l.parents = byParent.elements;
  l.count = count.offset;
  l.total = total.offset;
  l.nested = nested.offset;
  return l;
}

} // namespace

SlotLayout readSlotLayout(const btf *btf, const std::string &what) {
  int slotType = btf__find_by_name_kind(btf, "inxpect_slot", BTF_KIND_STRUCT);
  MemberInfo events, nested, passes, children, childrenTotal, childrenNested, hist;
  if (slotType <= 0 || !findMember(btf, slotType, "event", events))
    throw RunError(what + ": no struct inxpect_slot with an event array: rebuild it with this "
                   "version's runtime/bpf/inxpect.h");
  SlotLayout slot;
  slot.events = events.elements;
  if (findMember(btf, slotType, "nested", nested))
    slot.nestedOffset = nested.offset;
  if (findMember(btf, slotType, "passes", passes) &&
      findMember(btf, slotType, "children", children) &&
      findMember(btf, slotType, "children_total", childrenTotal) &&
      findMember(btf, slotType, "children_nested", childrenNested)) {
    slot.passesOffset = passes.offset;
    slot.childrenOffset = children.offset;
    slot.childrenTotalOffset = childrenTotal.offset;
    slot.childrenNestedOffset = childrenNested.offset;
  }
  if (findMember(btf, slotType, "hist", hist)) {
    // hist[event][bucket]: the outer array's element is the inner array.
    if (hist.elements != slot.events || hist.innerElements != kHistogramBuckets)
      throw RunError(what + ": struct inxpect_slot's histogram is not " +
                     std::to_string(slot.events) + " x " + std::to_string(kHistogramBuckets) +
                     " buckets: rebuild it with this version's runtime/bpf/inxpect.h");
    slot.histOffset = hist.offset;
    slot.histBuckets = hist.innerElements;
  }
  slot.byParent = readByParentLayout(btf);
  return slot;
}

RunsLayout readRunsLayout(const btf *btf, const std::string &what) {
  int runType = btf__find_by_name_kind(btf, "inxpect_run", BTF_KIND_STRUCT);
  MemberInfo runs, untimed;
  if (runType <= 0 || !findMember(btf, runType, "runs", runs))
    throw RunError(what + ": inxpect_runs has no struct inxpect_run with a runs field: rebuild "
                   "it with this version's runtime/bpf/inxpect.h");
  RunsLayout l;
  l.runsOffset = runs.offset;
  int openType = btf__find_by_name_kind(btf, "inxpect_open", BTF_KIND_STRUCT);
  if (openType <= 0 || !findMember(btf, openType, "untimed", untimed))
    return l; // an older header: every entry is counted in the slots
  long runSize = btf__resolve_size(btf, runType), openSize = btf__resolve_size(btf, openType);
  int align = btf__align_of(btf, openType);
  if (runSize <= 0 || openSize <= 0 || align <= 0)
    throw RunError(what + ": cannot size struct inxpect_run or inxpect_open from its BTF");
  // The array of struct inxpect_open follows struct inxpect_run, aligned.
  l.openOffset = (runSize + align - 1) / align * align;
  l.openSize = openSize;
  l.untimedOffset = untimed.offset;
  return l;
}

void checkSameRuntime(const ConfigLayout &config, unsigned statsEvents, const std::string &what) {
  if (config.configEvents != statsEvents)
    throw RunError(what + ": its stats slots hold " + std::to_string(statsEvents) +
                   " events but inxpect_config " + std::to_string(config.configEvents) +
                   ": the object mixes two versions of inxpect.h, rebuild it");
}

} // namespace inxpect
