#include "cli/ListCommand.h"

#include <cstdio>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "RunError.h"
#include "object/KernelObjects.h"
#include "object/LiveProgram.h"
#include "object/ProgramLookup.h"
#include "Manifest.h"
#include "profile/SectionTable.h"
#include "profile/SessionLock.h"
#include "views/ProgramListing.h"

namespace inxpect {

namespace {

// Reads an instrumented program's embedded table and stats layout into
// `listed`; takes ownership of `fd`. What cannot be read is said in
// `problem`: the program is still listed.
void readInstrumented(int fd, ListedProgram &listed) {
  try {
    std::unique_ptr<LiveProgram> program = LiveProgram::fromProgramFd(fd);
    Manifest table = manifestFromSelfDescription(program->config().selfDescription());
    if (table.sections.size() != program->nsections())
      throw RunError("its embedded table names " + std::to_string(table.sections.size()) +
                     " sections, its statistics map has room for " +
                     std::to_string(program->nsections()));
    listed.sections = SectionTable::fromManifest(table).rows();
    listed.statsLayout = statsKindName(program->statsLayout().kind);
    listed.manifestHash = program->config().manifestHash();
  } catch (const ManifestError &e) {
    listed.problem = std::string("its embedded table is damaged: ") + e.what();
  } catch (const RunError &e) {
    listed.problem = e.what();
  }
}

// Program `id` as the listing shows it; nothing when it is gone or, without
// --all, not instrumented.
std::optional<ListedProgram> describe(uint32_t id, const HostAttachments &host, bool all) {
  int fd = bpf_prog_get_fd_by_id(id);
  if (fd < 0)
    return std::nullopt; // unloaded since the walk found it
  bpf_prog_info info{};
  uint32_t len = sizeof info;
  std::optional<ProgramMaps> maps;
  try {
    if (bpf_obj_get_info_by_fd(fd, &info, &len) == 0)
      maps = instrumentedMaps(fd);
  } catch (const RunError &) {
    // its maps' information failed: listed as not instrumented with --all
  }
  if (!info.id || (!maps && !all)) { // the kernel told nothing of it, or nothing to show
    ::close(fd);
    return std::nullopt;
  }
  ListedProgram listed;
  listed.id = id;
  listed.name = info.name;
  const char *type = libbpf_bpf_prog_type_str(static_cast<bpf_prog_type>(info.type));
  listed.type = type ? type : "type " + std::to_string(info.type);
  for (unsigned char byte : info.tag) {
    char hex[3];
    std::snprintf(hex, sizeof hex, "%02x", byte);
    listed.tag += hex;
  }
  listed.instrumented = maps.has_value();
  if (maps) {
    for (const ProgramMap *m : {&maps->stats, &maps->runs, &maps->data})
      ::close(m->fd); // LiveProgram finds them again
    readInstrumented(fd, listed);
  } else {
    ::close(fd);
  }
  listed.attached = host.of(id);
  listed.session = profilingSession(id);
  return listed;
}

} // namespace

void listPrograms(const ListOptions &options, std::ostream &out, std::ostream &notes) {
  std::vector<uint32_t> ids = loadedProgramIds();
  HostAttachments host = HostAttachments::scan();
  std::vector<ListedProgram> programs;
  for (uint32_t each : ids)
    if (std::optional<ListedProgram> listed = describe(each, host, options.all))
      programs.push_back(std::move(*listed));
  if (options.format == OutputFormat::Json)
    writeProgramJson(out, programs);
  else
    writeProgramTable(out, programs);
  if (programs.empty())
    notes << "inxpect-run: no " << (options.all ? "BPF" : "instrumented") << " program is loaded"
          << (options.all ? "" : " (--all lists every program)") << "\n";
}

} // namespace inxpect
