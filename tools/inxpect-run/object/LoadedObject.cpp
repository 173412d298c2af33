#include "object/LoadedObject.h"

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "counters/CounterSource.h"
#include "object/BtfLayout.h"
#include "object/ConstantSections.h"
#include "object/FullVerifierLog.h"
#include "object/LoadFailure.h"
#include "object/VerifierCost.h"
#include "RunError.h"

namespace inxpect {

namespace {

const char kDataSection[] = ".data.inxpect";
const char kInstrumentFirst[] = ": run inxpect-instrument on its source and build the output "
                                "(clang-19 -target bpf -O2 -g -I runtime/bpf -c X.inxpect.c)";

// libbpf prints the verifier log on a failed load; we keep its messages (they
// say which instruction failed). During load they are held back, to be read
// for the reason and printed only when they help.
// libbpf 1.1 gives some reasons for refusing an object at its debug level
// only (a datasec it cannot size), so the last debug message is kept too.
bool gHoldMessages = false;
std::string gHeldMessages;
std::string gLastDebugMessage;

std::string formatted(const char *format, va_list args) {
  va_list copy;
  va_copy(copy, args);
  int n = std::vsnprintf(nullptr, 0, format, copy);
  va_end(copy);
  if (n <= 0)
    return "";
  std::string text(n + 1, '\0');
  std::vsnprintf(text.data(), text.size(), format, args);
  text.resize(n);
  return text;
}

int printLibbpf(enum libbpf_print_level level, const char *format, va_list args) {
  if (!gHoldMessages)
    return level == LIBBPF_DEBUG ? 0 : std::vfprintf(stderr, format, args);
  std::string text = formatted(format, args);
  if (level == LIBBPF_DEBUG)
    gLastDebugMessage = text;
  else
    gHeldMessages += text;
  return static_cast<int>(text.size());
}

void releaseHeldMessages(bool print) {
  if (print)
    std::fputs(gHeldMessages.c_str(), stderr);
  gHeldMessages.clear();
  gLastDebugMessage.clear();
  gHoldMessages = false;
}

bool endsWith(const std::string &s, const std::string &suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// What libbpf said last in `messages` (its own lines, "libbpf: " dropped),
// or "" when it said nothing.
std::string lastLibbpfLine(const std::string &messages) {
  std::string last;
  std::size_t begin = 0;
  while (begin < messages.size()) {
    std::size_t end = messages.find('\n', begin);
    if (end == std::string::npos)
      end = messages.size();
    std::string line = messages.substr(begin, end - begin);
    if (line.rfind("libbpf: ", 0) == 0 && line.size() > 8)
      last = line.substr(8);
    begin = end + 1;
  }
  return last;
}

// Opens with libbpf, its messages held: on failure libbpf's own reason
// (its last warning, else its last word) goes into the error, which names
// `what`, and what is wrong with the object when it is known.
bpf_object *openHeld(const std::function<bpf_object *()> &open, const std::string &what,
                     const std::string &path = "") {
  gHoldMessages = true;
  bpf_object *obj = open();
  int err = errno;
  std::string said = lastLibbpfLine(gHeldMessages);
  if (said.empty())
    said = lastLibbpfLine(gLastDebugMessage);
  releaseHeldMessages(/*print=*/obj != nullptr);
  if (!obj) {
    std::string why = path.empty() ? "" : explainMisplacedConstants(path);
    throw RunError(what + " is not a BPF object libbpf can open (" +
                   (said.empty() ? std::string(std::strerror(err)) : "libbpf: " + said) + "): " +
                   (why.empty() ? "build it with clang-19 -target bpf -O2 -g" : why));
  }
  return obj;
}

// The programs libbpf could not type: a section name libbpf 1.x no longer
// knows, such as the legacy "xdp_sock" or "xdp/NAME".
std::vector<std::string> untypedPrograms(bpf_object *obj) {
  std::vector<std::string> found;
  bpf_program *prog;
  bpf_object__for_each_program(prog, obj) {
    if (bpf_program__type(prog) == BPF_PROG_TYPE_UNSPEC)
      found.push_back(std::string(bpf_program__name(prog)) + " in SEC(\"" +
                      bpf_program__section_name(prog) + "\")");
  }
  return found;
}

std::string joinNames(const std::vector<std::string> &names) {
  std::string out;
  for (const auto &n : names)
    out += (out.empty() ? "" : ", ") + n;
  return out;
}

} // namespace

std::unique_ptr<LoadedObject> LoadedObject::open(const std::string &path,
                                                 const std::string &progName) {
  libbpf_set_print(printLibbpf);
  struct stat st;
  if (::stat(path.c_str(), &st) != 0)
    throw RunError(path + ": " + std::strerror(errno) + ": give the path of a BPF object (.o)");
  bpf_object *obj = openHeld([&] { return bpf_object__open_file(path.c_str(), nullptr); }, path, path);
  return adopt(obj, path, progName);
}

std::unique_ptr<LoadedObject> LoadedObject::openMemory(const void *data, std::size_t size,
                                                       const std::string &name,
                                                       const std::string &progName) {
  libbpf_set_print(printLibbpf);
  LIBBPF_OPTS(bpf_object_open_opts, opts, .object_name = name.c_str());
  bpf_object *obj = openHeld([&] { return bpf_object__open_mem(data, size, &opts); }, name);
  return adopt(obj, name, progName);
}

std::unique_ptr<LoadedObject> LoadedObject::adopt(bpf_object *obj, const std::string &path,
                                                  const std::string &progName) {
  std::unique_ptr<LoadedObject> lo(new LoadedObject);
  lo->path_ = path;
  lo->obj_ = obj;

  std::vector<bpf_program *> xdp;
  std::vector<std::string> names;
  bpf_program *prog;
  bpf_object__for_each_program(prog, lo->obj_) {
    if (bpf_program__type(prog) != BPF_PROG_TYPE_XDP)
      continue;
    xdp.push_back(prog);
    names.push_back(bpf_program__name(prog));
  }
  if (xdp.empty()) {
    std::vector<std::string> untyped = untypedPrograms(obj);
    if (!untyped.empty())
      throw RunError(path + " has no XDP program libbpf recognises: " + joinNames(untyped) +
                     ": libbpf 1.0 dropped legacy section names such as \"xdp_sock\" and "
                     "\"xdp/NAME\"; rename the section SEC(\"xdp\") (or \"xdp.frags\") "
                     "and build again");
    throw RunError(path + " has no XDP program (no SEC(\"xdp\") function)");
  }
  if (progName.empty()) {
    if (xdp.size() > 1)
      throw RunError(path + " has " + std::to_string(xdp.size()) + " XDP programs (" +
                     joinNames(names) + "): choose one with --prog NAME");
    lo->prog_ = xdp[0];
  } else {
    for (std::size_t i = 0; i < xdp.size(); ++i)
      if (names[i] == progName)
        lo->prog_ = xdp[i];
    if (!lo->prog_)
      throw RunError(path + " has no XDP program named \"" + progName + "\": its XDP programs are " +
                     joinNames(names));
  }
  lo->programName_ = bpf_program__name(lo->prog_);
  lo->readLayout();
  return lo;
}

LoadedObject::~LoadedObject() { bpf_object__close(obj_); }

void LoadedObject::readLayout() {
  stats_ = bpf_object__find_map_by_name(obj_, "inxpect_stats");
  runs_ = bpf_object__find_map_by_name(obj_, "inxpect_runs");
  bpf_map *map;
  bpf_object__for_each_map(map, obj_) {
    if (endsWith(bpf_map__name(map), kDataSection))
      data_ = map;
  }
  if (!stats_ || !runs_ || !data_)
    throw RunError(path_ + " is not instrumented (no " +
                   (!stats_ ? "inxpect_stats map" : !runs_ ? "inxpect_runs map" : ".data.inxpect section") +
                   ")" + kInstrumentFirst);

  const btf *btf = bpf_object__btf(obj_);
  if (!btf)
    throw RunError(path_ + " has no BTF: build it with -g so inxpect-run can find its configuration");
  config_ = readConfigLayout(btf, datasecVariables(btf, kDataSection), path_);

  runsLayout_ = readRunsLayout(btf, path_);

  size_t dataSize = 0;
  const char *data = static_cast<const char *>(bpf_map__initial_value(data_, &dataSize));
  if (!data || config_.self + config_.selfSize > dataSize || config_.manifestHash + 8 > dataSize)
    throw RunError(path_ + ": .data.inxpect is smaller than its variables: the object is damaged");
  layout_.selfDescription.assign(data + config_.self, strnlen(data + config_.self, config_.selfSize));
  std::memcpy(&layout_.manifestHash, data + config_.manifestHash, sizeof layout_.manifestHash);
  layout_.nsections = config_.nsections;
  slot_ = readSlotLayout(btf, path_);
  layout_.maxEvents = slot_.events;
  if (layout_.nsections == 0)
    throw RunError(path_ + " has no sections" + kInstrumentFirst);
  if (!recogniseStatsKind(bpf_map__type(stats_), bpf_map__max_entries(stats_), layout_.nsections,
                          statsKind_))
    throw RunError(path_ + ": inxpect_stats is of no layout this inxpect-run knows (type " +
                   std::to_string(bpf_map__type(stats_)) + ", " +
                   std::to_string(bpf_map__max_entries(stats_)) +
                   " entries): rebuild it with this version's runtime/bpf/inxpect.h");
  checkSameRuntime(config_, layout_.maxEvents, path_);
}

namespace {

// Where the verifier's budget went, for a program it refused as too large.
std::string verifierCostOf(const std::string &path, const std::string &prog,
                           const std::optional<std::string> &manifestPath) {
  std::string log = fullVerifierLog(path, prog);
  if (log.empty())
    return "";
  if (!manifestPath) {
    std::string out = "the source lines that cost the verifier most (--manifest M names "
                      "sections):";
    for (const auto &[where, n] : costliestLines(log, 10))
      out += "\n  " + std::to_string(n) + "  " + where;
    return out;
  }
  try {
    Manifest m = readManifestFile(*manifestPath);
    return describeVerifierCost(attributeVerifierLog(log, m), m, prog, 10);
  } catch (const ManifestError &e) {
    return std::string("cannot name the sections that cost the verifier most: ") + e.what();
  }
}

} // namespace

void LoadedObject::load() { load(LoadChoices{}); }

void LoadedObject::load(const LoadChoices &choices) {
  if (choices.pins == Pins::Private) {
    bpf_map *map;
    bpf_object__for_each_map(map, obj_) {
      if (bpf_map__pin_path(map))
        bpf_map__set_pin_path(map, nullptr);
    }
  }
  int cpus = libbpf_num_possible_cpus();
  if (cpus <= 0)
    throw RunError("cannot count the possible CPUs (/sys/devices/system/cpu/possible): " +
                   std::string(std::strerror(-cpus)));
  ncpus_ = cpus;
  // Only the default layout has a block per CPU, sized for the machine.
  if (statsKind_ == StatsKind::CpuSlots &&
      bpf_map__set_max_entries(stats_, layout_.nsections * ncpus_) != 0)
    throw RunError(path_ + ": cannot size inxpect_stats: " + std::strerror(errno));

  gHoldMessages = true;
  int err = bpf_object__load(obj_);
  std::string messages = gHeldMessages;
  // A plain "permission denied" is not buried under libbpf's guesses.
  releaseHeldMessages(/*print=*/err != -EPERM || hasVerifierLog(messages));
  if (err != 0 && choices.explainVerifier && isOverInstructionBudget(messages)) {
    std::string prog = failedProgram(messages);
    std::string cost = verifierCostOf(path_, prog.empty() ? programName_ : prog, choices.manifest);
    throw RunError(explainLoadFailure(path_, err, messages, !cost.empty()) +
                   (cost.empty() ? "" : "\n" + cost));
  }
  if (err != 0)
    throw RunError(explainLoadFailure(path_, err, messages));
}

std::vector<std::string> LoadedObject::pinnedMaps() const {
  std::vector<std::string> pinned;
  bpf_map *map;
  bpf_object__for_each_map(map, obj_) {
    if (bpf_map__is_pinned(map))
      pinned.push_back(std::string(bpf_map__name(map)) + " at " + bpf_map__pin_path(map));
  }
  return pinned;
}

int LoadedObject::programFd() const { return bpf_program__fd(prog_); }

StatsLayout LoadedObject::statsLayout() const {
  StatsMaps maps;
  maps.statsFd = bpf_map__fd(stats_);
  maps.statsValueSize = bpf_map__value_size(stats_);
  maps.statsEntries = bpf_map__max_entries(stats_);
  maps.runsFd = bpf_map__fd(runs_);
  maps.runsValueSize = bpf_map__value_size(runs_);
  maps.runs = runsLayout_;
  maps.slot = slot_;
  return statsLayoutOf(statsKind_, maps, layout_.nsections, ncpus_);
}

std::unique_ptr<LiveProgram> LoadedObject::liveProgram() const {
  int fd = ::dup(programFd());
  if (fd < 0)
    throw RunError(path_ + ": cannot duplicate the program's fd: " + std::strerror(errno));
  // Known here: on a one-CPU machine the default layout, sized by us, looks
  // like the global one.
  return LiveProgram::fromProgramFd(fd, statsKind_);
}

const char *LoadedObject::probeCounter() { return detectCounterSource().name(); }

} // namespace inxpect
