#include "BenchPrograms.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

#include <bpf/bpf.h>
#include <nlohmann/json.hpp>
#include <bpf/libbpf.h>

#include "ExampleTraffic.h"

namespace bench {

namespace {

std::runtime_error loadError(const std::string &what, int err) {
  return std::runtime_error("cannot load " + what + ": " + std::strerror(err < 0 ? -err : err) +
                            " (libbpf's messages above say why; run as root)");
}

// Only bench_entry is loaded: the example's entry function, renamed
// bench_work, stays in the object as an XDP program of its own.
void loadOnlyEntry(bpf_object *obj) {
  bpf_program *prog;
  bpf_object__for_each_program(prog, obj) {
    bpf_program__set_autoload(prog, std::strcmp(bpf_program__name(prog), kEntryProgram) == 0);
  }
}

MeasuredTotals sumPerCpu(bpf_map *map) {
  MeasuredTotals sum;
  if (!map)
    return sum;
  int cpus = libbpf_num_possible_cpus();
  std::vector<MeasuredTotals> values(cpus > 0 ? cpus : 1); // 16 bytes: no padding between CPUs
  uint32_t zero = 0;
  if (bpf_map_lookup_elem(bpf_map__fd(map), &zero, values.data()) != 0)
    throw std::runtime_error(std::string("cannot read ") + bpf_map__name(map) + ": " +
                             std::strerror(errno));
  for (const MeasuredTotals &v : values) {
    sum.count += v.count;
    sum.total += v.total;
  }
  return sum;
}

} // namespace

PlainProgram::PlainProgram(const std::string &path, const std::string &example) {
  obj_ = bpf_object__open_file(path.c_str(), nullptr);
  if (!obj_)
    throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
  loadOnlyEntry(obj_);
  if (int err = bpf_object__load(obj_))
    throw loadError(path, err);
  seedExampleMaps(example, obj_);
}

PlainProgram::~PlainProgram() { bpf_object__close(obj_); }

int PlainProgram::fd() const {
  return bpf_program__fd(bpf_object__find_program_by_name(obj_, kEntryProgram));
}

MeasuredTotals PlainProgram::floorTotals() const {
  return sumPerCpu(bpf_object__find_map_by_name(obj_, "floor_totals"));
}

InstrumentedProgram::InstrumentedProgram(const std::string &path, const std::string &example) {
  object_ = inxpect::LoadedObject::open(path, kEntryProgram);
  loadOnlyEntry(object_->object());
  object_->load();
  seedExampleMaps(example, object_->object());

  program_ = object_->liveProgram();
  reader_ = std::make_unique<inxpect::StatsReader>(object_->statsLayout());
}

nlohmann::json InstrumentedProgram::sectionTable() const {
  nlohmann::json table = nlohmann::json::parse(object_->layout().selfDescription);
  if (table.is_object() && table.contains("sections"))
    table = table["sections"];
  return table;
}

unsigned InstrumentedProgram::keepOnly(const std::string &kind) {
  unsigned on = 0;
  for (const auto &section : sectionTable()) {
    bool keep = section.at("kind") == kind;
    program_->config().setSectionOn(section.at("id").get<unsigned>(), keep);
    on += keep;
  }
  return on;
}

void InstrumentedProgram::configure(const std::vector<inxpect::EventInfo> &events) {
  program_->config().configure(events, std::vector<bool>(sections(), true));
}

unsigned InstrumentedProgram::sectionId(const std::string &name) const {
  for (const auto &section : sectionTable())
    if (section.at("name") == name)
      return section.at("id").get<unsigned>();
  throw std::runtime_error(object_->path() + " has no section named " + name);
}

FentryFexit::FentryFexit(const std::string &path, int targetFd) {
  obj_ = bpf_object__open_file(path.c_str(), nullptr);
  if (!obj_)
    throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
  bpf_program *prog;
  bpf_object__for_each_program(prog, obj_) {
    if (bpf_program__set_attach_target(prog, targetFd, kEntryProgram) != 0)
      throw std::runtime_error("cannot aim " + path + " at " + kEntryProgram);
  }
  if (int err = bpf_object__load(obj_)) {
    bpf_object__close(obj_);
    throw std::runtime_error("the kernel refused the fentry/fexit programs of " + path + ": " +
                             std::strerror(-err) +
                             (err == -EPERM ? " before verifying them (as root: its security "
                                              "policy forbids tracing programs)"
                                            : ""));
  }
  entry_ = bpf_program__attach_trace(bpf_object__find_program_by_name(obj_, "bench_fentry"));
  exit_ = bpf_program__attach_trace(bpf_object__find_program_by_name(obj_, "bench_fexit"));
  if (!entry_ || !exit_)
    throw std::runtime_error("cannot attach the fentry/fexit pair: " + std::string(std::strerror(errno)));
}

FentryFexit::~FentryFexit() {
  bpf_link__destroy(exit_);
  bpf_link__destroy(entry_);
  bpf_object__close(obj_);
}

MeasuredTotals FentryFexit::totals() const {
  return sumPerCpu(bpf_object__find_map_by_name(obj_, "fexit_totals"));
}

} // namespace bench
