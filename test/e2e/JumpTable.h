// Tail calls under BPF_PROG_TEST_RUN need a filled PROG_ARRAY, and libbpf
// leaves it empty at load. The e2e convention: a program's PROG_ARRAY is the
// map named `jump_table`, and the program named `tail_<i>` goes at index i.
// The same is done to the original and the instrumented object, so both take
// the same tail calls.
#pragma once

struct bpf_object;

namespace e2e {

// After load: puts every tail_<i> into jump_table[i]. An object without
// jump_table is left alone; one with it but without tail_<i> programs fails
// the current test.
void fillJumpTable(bpf_object *obj);

} // namespace e2e
