#include "OriginalProgram.h"

#include <bpf/libbpf.h>
#include <gtest/gtest.h>

#include "JumpTable.h"

namespace e2e {

OriginalProgram::~OriginalProgram() { bpf_object__close(obj); }

void loadOriginal(const std::string &path, const std::string &entry, OriginalProgram &out) {
  out.obj = bpf_object__open_file(path.c_str(), nullptr);
  ASSERT_TRUE(out.obj) << "cannot open " << path;
  ASSERT_EQ(bpf_object__load(out.obj), 0) << "the original " << path << " does not load";
  bpf_program *prog = bpf_object__find_program_by_name(out.obj, entry.c_str());
  ASSERT_TRUE(prog && bpf_program__type(prog) == BPF_PROG_TYPE_XDP)
      << path << " has no XDP program " << entry;
  out.fd = bpf_program__fd(prog);
  fillJumpTable(out.obj);
}

} // namespace e2e
