#include "object/LiveProgram.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unistd.h>
#include <vector>

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "object/BtfLayout.h"
#include "RunError.h"

namespace inxpect {

namespace {

const char kDataSuffix[] = ".data.inxpect";

bool endsWith(const std::string &s, const std::string &suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

struct FoundMap {
  int fd = -1;
  bpf_map_info info{};
};

} // namespace

std::unique_ptr<LiveProgram> LiveProgram::fromProgramFd(int progFd,
                                                        std::optional<StatsKind> knownKind) {
  std::unique_ptr<LiveProgram> p(new LiveProgram);
  p->progFd_ = progFd;

  bpf_prog_info info{};
  uint32_t len = sizeof info;
  if (bpf_obj_get_info_by_fd(progFd, &info, &len) != 0)
    throw RunError(std::string("cannot read the program's information: ") + std::strerror(errno));
  std::vector<uint32_t> mapIds(info.nr_map_ids);
  uint32_t nmaps = info.nr_map_ids;
  info = {};
  info.nr_map_ids = nmaps;
  info.map_ids = reinterpret_cast<uint64_t>(mapIds.data());
  len = sizeof info;
  if (bpf_obj_get_info_by_fd(progFd, &info, &len) != 0)
    throw RunError(std::string("cannot list the program's maps: ") + std::strerror(errno));
  p->id_ = info.id;
  p->name_ = info.name;
  std::string what = "program " + p->name_ + " (id " + std::to_string(p->id_) + ")";

  FoundMap stats, runs, data;
  for (uint32_t i = 0; i < nmaps; ++i) {
    int fd = bpf_map_get_fd_by_id(mapIds[i]);
    if (fd < 0)
      continue;
    bpf_map_info mi{};
    uint32_t mlen = sizeof mi;
    if (bpf_obj_get_info_by_fd(fd, &mi, &mlen) != 0) {
      ::close(fd);
      continue;
    }
    std::string name = mi.name;
    FoundMap *slot = name == "inxpect_stats" ? &stats
                     : name == "inxpect_runs" ? &runs
                     : endsWith(name, kDataSuffix) ? &data
                                                   : nullptr;
    if (slot && slot->fd < 0) {
      slot->fd = fd;
      slot->info = mi;
    } else {
      ::close(fd);
    }
  }
  auto closeAll = [&] {
    for (FoundMap *m : {&stats, &runs, &data})
      if (m->fd >= 0)
        ::close(m->fd);
  };
  if (stats.fd < 0 || runs.fd < 0 || data.fd < 0) {
    closeAll();
    throw RunError(what + " is not instrumented: it uses no " +
                   (stats.fd < 0 ? "inxpect_stats map"
                    : runs.fd < 0 ? "inxpect_runs map"
                                  : ".data.inxpect map") +
                   ". Instrument its source (inxpect-instrument --per-function xdp.c), build "
                   "xdp.inxpect.c and load that object instead");
  }
  p->stats_.statsFd = stats.fd;
  p->stats_.runsFd = runs.fd;
  p->dataFd_ = data.fd;

  btf *types = data.info.btf_id ? btf__load_from_kernel_by_id(data.info.btf_id) : nullptr;
  if (!types) {
    closeAll();
    throw RunError(what + ": its maps carry no BTF, so its configuration cannot be found: "
                   "build the object with -g");
  }
  try {
    ConfigLayout layout = readConfigLayout(
        types, datasecVariables(types, static_cast<int>(data.info.btf_value_type_id)), what);
    MemberInfo runsMember;
    if (!runs.info.btf_value_type_id ||
        !findMember(types, runs.info.btf_value_type_id, "runs", runsMember))
      throw RunError(what + ": inxpect_runs has no struct inxpect_run with a runs field: rebuild "
                     "it with this version's runtime/bpf/inxpect.h");
    int possible = libbpf_num_possible_cpus();
    if (possible <= 0)
      throw RunError("cannot count the possible CPUs (/sys/devices/system/cpu/possible)");
    if (layout.nsections == 0)
      throw RunError(what + ": inxpect_stats has " + std::to_string(stats.info.max_entries) +
                     " slots, not a multiple of its " + std::to_string(layout.nsections) +
                     " sections: the object is damaged, rebuild it");
    p->stats_.nsections = layout.nsections;
    p->stats_.slotSize = (stats.info.value_size + 7) / 8 * 8;
    p->stats_.nevents = stats.info.value_size / 16;
    // Another loader leaves the map sized for INXPECT_MAX_CPUS; CPUs past
    // the possible ones never write.
    if (!recogniseStatsKind(stats.info.type, stats.info.max_entries, layout.nsections,
                            p->stats_.kind))
      throw RunError(what + ": inxpect_stats is of no layout this inxpect-run knows: rebuild it "
                     "with this version's runtime/bpf/inxpect.h");
    if (knownKind)
      p->stats_.kind = *knownKind;
    p->stats_.ncpus = p->stats_.kind == StatsKind::Global    ? 1
                      : p->stats_.kind == StatsKind::PerCpuMap ? unsigned(possible)
                      : std::min<unsigned>(stats.info.max_entries / layout.nsections, possible);
    p->stats_.runsValueSize = (runs.info.value_size + 7) / 8 * 8;
    p->stats_.runsOffset = runsMember.offset;
    p->stats_.runsCpus = possible;
    if (layout.configEvents != p->stats_.nevents)
      throw RunError(what + ": its stats slots hold " + std::to_string(p->stats_.nevents) +
                     " events but inxpect_config " + std::to_string(layout.configEvents) +
                     ": the object mixes two versions of inxpect.h, rebuild it");
    p->config_ = std::make_unique<LiveConfig>(data.fd, data.info.value_size, layout, what);
  } catch (...) {
    btf__free(types);
    throw;
  }
  btf__free(types);
  return p;
}

LiveProgram::~LiveProgram() {
  config_.reset();
  for (int fd : {stats_.statsFd, stats_.runsFd, dataFd_, progFd_})
    if (fd >= 0)
      ::close(fd);
}

} // namespace inxpect
