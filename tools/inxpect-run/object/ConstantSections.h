// Objects clang 14 (Debian 12's `clang`) builds wrong: a named constant of
// 4, 8, 16 or 32 bytes goes in a section for mergeable constants
// (.rodata.cst32), but its BTF puts it in the .rodata datasec, which libbpf
// 1.1 then cannot size or place ("sec '.rodata': failed to determine size").
// clang 19 names the section in both.
#pragma once

#include <string>

namespace inxpect {

// Why libbpf cannot open `path` if this is it: the constants, their
// section, the compiler the object names, and which clang to build with;
// "" when the object does not show it.
std::string explainMisplacedConstants(const std::string &path);

} // namespace inxpect
