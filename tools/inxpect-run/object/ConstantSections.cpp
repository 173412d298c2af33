#include "object/ConstantSections.h"

#include <fcntl.h>
#include <cstring>
#include <map>
#include <unistd.h>

#include <bpf/btf.h>
#include <gelf.h>
#include <libelf.h>

namespace inxpect {

namespace {

struct ElfFacts {
  std::map<std::string, std::string> constantSectionOf; // object symbol -> its .rodata.cst* section
  std::string compiler; // the DWARF producer: "Debian clang version 14.0.6"
};

std::string sectionName(Elf *elf, std::size_t stringsIndex, Elf_Scn *scn) {
  GElf_Shdr shdr;
  if (!gelf_getshdr(scn, &shdr))
    return "";
  const char *name = elf_strptr(elf, stringsIndex, shdr.sh_name);
  return name ? name : "";
}

// BPF objects have no .comment; the compile unit's producer string is among
// the DWARF strings.
std::string producerIn(const char *strings, std::size_t size) {
  for (std::size_t at = 0; at < size;) {
    std::string s(strings + at, strnlen(strings + at, size - at));
    if (s.find("clang version") != std::string::npos)
      return s;
    at += s.size() + 1;
  }
  return "";
}

ElfFacts readElfFacts(const std::string &path) {
  ElfFacts facts;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return facts;
  elf_version(EV_CURRENT);
  Elf *elf = elf_begin(fd, ELF_C_READ, nullptr);
  std::size_t stringsIndex = 0;
  if (elf && elf_getshdrstrndx(elf, &stringsIndex) == 0) {
    for (Elf_Scn *scn = elf_nextscn(elf, nullptr); scn; scn = elf_nextscn(elf, scn)) {
      GElf_Shdr shdr;
      Elf_Data *data = elf_getdata(scn, nullptr);
      if (!gelf_getshdr(scn, &shdr) || !data)
        continue;
      if (sectionName(elf, stringsIndex, scn) == ".debug_str")
        facts.compiler = producerIn(static_cast<const char *>(data->d_buf), data->d_size);
      if (shdr.sh_type != SHT_SYMTAB)
        continue;
      for (std::size_t i = 0; i < data->d_size / shdr.sh_entsize; ++i) {
        GElf_Sym sym;
        if (!gelf_getsym(data, static_cast<int>(i), &sym) || GELF_ST_TYPE(sym.st_info) != STT_OBJECT)
          continue;
        std::string section = sectionName(elf, stringsIndex, elf_getscn(elf, sym.st_shndx));
        if (section.rfind(".rodata.cst", 0) == 0)
          facts.constantSectionOf[elf_strptr(elf, shdr.sh_link, sym.st_name)] = section;
      }
    }
  }
  elf_end(elf);
  ::close(fd);
  return facts;
}

} // namespace

std::string explainMisplacedConstants(const std::string &path) {
  ElfFacts facts = readElfFacts(path);
  if (facts.constantSectionOf.empty())
    return "";
  btf *types = btf__parse_elf(path.c_str(), nullptr);
  if (!types)
    return "";
  std::string found;
  for (unsigned id = 1; id < btf__type_cnt(types) && found.empty(); ++id) {
    const btf_type *t = btf__type_by_id(types, id);
    if (!btf_is_datasec(t) || std::string(btf__name_by_offset(types, t->name_off)) != ".rodata")
      continue;
    const btf_var_secinfo *var = btf_var_secinfos(t);
    for (unsigned i = 0; i < btf_vlen(t); ++i, ++var) {
      std::string name = btf__name_by_offset(types, btf__type_by_id(types, var->type)->name_off);
      auto it = facts.constantSectionOf.find(name);
      if (it != facts.constantSectionOf.end()) {
        found = "its BTF puts the constant '" + name + "' in .rodata, where the ELF has it in " +
                it->second + " (the section for mergeable constants of its size)";
        break;
      }
    }
  }
  btf__free(types);
  if (found.empty())
    return "";
  std::string builtBy = facts.compiler.empty() ? "" : " (this object: " + facts.compiler + ")";
  return found + ", which clang 14, Debian 12's `clang`, does" + builtBy +
         ": build it with clang-19 (apt install clang-19), whose BTF names the section it uses";
}

} // namespace inxpect
