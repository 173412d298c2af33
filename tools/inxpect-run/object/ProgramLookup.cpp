#include "object/ProgramLookup.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>
#include <vector>

#include <bpf/bpf.h>

#include "object/KernelObjects.h"
#include "object/ProgramExtensions.h"
#include "RunError.h"

namespace inxpect {

namespace {

const char kListHint[] = "bpftool prog list (or ip link show) shows the loaded programs";

[[noreturn]] void failNoPermission(const std::string &what) {
  throw RunError("cannot open " + what + ": permission denied: run as root (reading another "
                 "loader's program needs CAP_SYS_ADMIN)");
}

const char kDataSuffix[] = ".data.inxpect";

bool endsWith(const std::string &s, const std::string &suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The kernel keeps BPF_OBJ_NAME_LEN - 1 characters of a program's name.
constexpr std::size_t kKernelNameLength = 15;

} // namespace

int programFdById(uint32_t id) {
  int fd = bpf_prog_get_fd_by_id(id);
  if (fd >= 0)
    return fd;
  if (errno == EPERM || errno == EACCES)
    failNoPermission("program id " + std::to_string(id));
  throw RunError("no BPF program has id " + std::to_string(id) + " (" + std::strerror(errno) +
                 "): " + kListHint);
}

int programFdByName(const std::string &name) {
  std::string wanted = name.substr(0, kKernelNameLength);
  std::vector<uint32_t> matches;
  for (uint32_t id : loadedProgramIds()) {
    int fd = bpf_prog_get_fd_by_id(id);
    if (fd < 0)
      continue;
    bpf_prog_info info{};
    uint32_t len = sizeof info;
    if (bpf_obj_get_info_by_fd(fd, &info, &len) == 0 && wanted == info.name)
      matches.push_back(id);
    ::close(fd);
  }
  if (matches.empty())
    throw RunError("no loaded BPF program is named \"" + name + "\": " + kListHint);
  if (matches.size() > 1) {
    std::string ids;
    for (uint32_t m : matches)
      ids += (ids.empty() ? "" : ", ") + std::to_string(m);
    throw RunError(std::to_string(matches.size()) + " loaded programs are named \"" + wanted +
                   "\" (ids " + ids + "): choose one with --prog-id ID");
  }
  return programFdById(matches[0]);
}

int programFdByPin(const std::string &path) {
  int fd = bpf_obj_get(path.c_str());
  if (fd < 0) {
    if (errno == EPERM || errno == EACCES)
      failNoPermission(path);
    throw RunError("nothing is pinned at " + path + " (" + std::strerror(errno) +
                   "): give a path under the BPF filesystem, e.g. /sys/fs/bpf/NAME "
                   "(bpftool prog show pinned PATH checks it)");
  }
  bpf_prog_info info{};
  uint32_t len = sizeof info;
  if (bpf_obj_get_info_by_fd(fd, &info, &len) != 0) {
    ::close(fd);
    throw RunError(path + " is pinned, but it is not a BPF program (a map or a link?): give the "
                   "pin of the program itself");
  }
  return fd;
}

namespace {

// Whichever of the three maps the program uses, their fds open.
ProgramMaps collectProgramMaps(int progFd) {
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
  ProgramMaps found;
  found.id = info.id;
  found.name = info.name;

  for (uint32_t i = 0; i < nmaps; ++i) {
    int fd = bpf_map_get_fd_by_id(mapIds[i]);
    if (fd < 0)
      continue;
    bpf_map_info mi{};
    uint32_t mlen = sizeof mi;
    std::string name;
    if (bpf_obj_get_info_by_fd(fd, &mi, &mlen) == 0)
      name = mi.name;
    ProgramMap *slot = name == "inxpect_stats" ? &found.stats
                       : name == "inxpect_runs" ? &found.runs
                       : endsWith(name, kDataSuffix) ? &found.data
                                                     : nullptr;
    if (slot && slot->fd < 0)
      *slot = {fd, mi};
    else
      ::close(fd);
  }
  return found;
}

void closeMaps(ProgramMaps &maps) {
  for (ProgramMap *m : {&maps.stats, &maps.runs, &maps.data})
    if (m->fd >= 0)
      ::close(m->fd);
}

bool complete(const ProgramMaps &maps) {
  return maps.stats.fd >= 0 && maps.runs.fd >= 0 && maps.data.fd >= 0;
}

} // namespace

std::optional<ProgramMaps> instrumentedMaps(int progFd) {
  ProgramMaps found = collectProgramMaps(progFd);
  if (complete(found))
    return found;
  closeMaps(found);
  return std::nullopt;
}

ProgramMaps findProgramMaps(int progFd) {
  ProgramMaps found = collectProgramMaps(progFd);
  if (!complete(found)) {
    closeMaps(found);
    std::string dispatcher = programsBehind(found.id, found.name);
    if (!dispatcher.empty())
      throw RunError(dispatcher);
    throw RunError("program " + found.name + " (id " + std::to_string(found.id) +
                   ") is not instrumented: it uses no " +
                   (found.stats.fd < 0  ? "inxpect_stats map"
                    : found.runs.fd < 0 ? "inxpect_runs map"
                                        : ".data.inxpect map") +
                   ". Instrument its source (inxpect-instrument --per-function xdp.c), build "
                   "xdp.inxpect.c and load that object instead");
  }
  return found;
}

} // namespace inxpect
