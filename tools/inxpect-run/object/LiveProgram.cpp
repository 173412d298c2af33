#include "object/LiveProgram.h"

#include <cerrno>
#include <unistd.h>

#include <bpf/bpf.h>

#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "object/BtfLayout.h"
#include "object/ProgramLookup.h"
#include "RunError.h"

namespace inxpect {

namespace {

// The program's BTF, as its maps reference it, freed on every path out.
class KernelBtf {
public:
  KernelBtf(uint32_t id, const std::string &what)
      : btf_(id ? btf__load_from_kernel_by_id(id) : nullptr) {
    if (!btf_)
      throw RunError(what + ": its maps carry no BTF, so its configuration cannot be found: "
                     "build the object with -g");
  }
  ~KernelBtf() { btf__free(btf_); }
  KernelBtf(const KernelBtf &) = delete;
  KernelBtf &operator=(const KernelBtf &) = delete;
  const btf *get() const { return btf_; }

private:
  btf *btf_;
};

StatsLayout readStatsLayout(const ProgramMaps &maps, const ConfigLayout &config,
                            const RunsLayout &runs, const SlotLayout &slot,
                            std::optional<StatsKind> knownKind, const std::string &what) {
  int possible = libbpf_num_possible_cpus();
  if (possible <= 0)
    throw RunError("cannot count the possible CPUs (/sys/devices/system/cpu/possible)");
  const bpf_map_info &stats = maps.stats.info;
  StatsKind kind;
  if (config.nsections == 0)
    throw RunError(what + ": inxpect_stats has " + std::to_string(stats.max_entries) +
                   " slots, not a multiple of its " + std::to_string(config.nsections) +
                   " sections: the object is damaged, rebuild it");
  if (!recogniseStatsKind(stats.type, stats.max_entries, config.nsections, kind))
    throw RunError(what + ": inxpect_stats is of no layout this inxpect-run knows: rebuild it "
                   "with this version's runtime/bpf/inxpect.h");
  StatsMaps m;
  m.statsFd = maps.stats.fd;
  m.statsValueSize = stats.value_size;
  m.statsEntries = stats.max_entries;
  m.runsFd = maps.runs.fd;
  m.runsValueSize = maps.runs.info.value_size;
  m.runs = runs;
  m.slot = slot;
  return statsLayoutOf(knownKind.value_or(kind), m, config.nsections, possible);
}

} // namespace

std::unique_ptr<LiveProgram> LiveProgram::fromProgramFd(int progFd,
                                                        std::optional<StatsKind> knownKind) {
  std::unique_ptr<LiveProgram> p(new LiveProgram);
  p->progFd_ = progFd;
  ProgramMaps maps = findProgramMaps(progFd);
  p->id_ = maps.id;
  p->name_ = maps.name;
  // Owned from here: the destructor closes them if a step below throws.
  p->stats_.statsFd = maps.stats.fd;
  p->stats_.runsFd = maps.runs.fd;
  p->dataFd_ = maps.data.fd;

  std::string what = p->label();
  KernelBtf types(maps.data.info.btf_id, what);
  ConfigLayout config = readConfigLayout(
      types.get(), datasecVariables(types.get(), static_cast<int>(maps.data.info.btf_value_type_id)),
      what);
  // By name: the map's value is struct inxpect_run followed by the
  // object's per-section words (INXPECT_OBJECT), the run state first.
  RunsLayout runs = readRunsLayout(types.get(), what);
  p->stats_ = readStatsLayout(maps, config, runs, readSlotLayout(types.get(), what),
                              knownKind, what);
  checkSameRuntime(config, p->stats_.nevents, what);
  p->config_ = std::make_unique<ProgramConfig>(maps.data.fd, maps.data.info.value_size, config, what);
  return p;
}

std::string LiveProgram::label() const {
  return "program " + name_ + " (id " + std::to_string(id_) + ")";
}

void LiveProgram::releaseProgram() {
  if (progFd_ >= 0)
    ::close(progFd_);
  progFd_ = -1;
}

bool LiveProgram::stillLoaded() const {
  int fd = bpf_prog_get_fd_by_id(id_);
  if (fd < 0)
    return errno != ENOENT;
  ::close(fd);
  return true;
}

LiveProgram::~LiveProgram() {
  config_.reset();
  for (int fd : {stats_.statsFd, stats_.runsFd, dataFd_, progFd_})
    if (fd >= 0)
      ::close(fd);
}

} // namespace inxpect
