// The program's license, as the kernel will read it: the string in section
// "license" (`char LICENSE[] SEC("license") = "GPL";`). The kernel lets only
// a GPL-compatible program call a kfunc, even one it never reaches, so the
// probes of any other program must call none (they read the clock only).
#pragma once

#include <optional>
#include <string>

#include "clang/AST/ASTContext.h"

namespace inxpect {

struct ProgramLicense {
  std::optional<std::string> text; // none: no variable in section "license", or no string in it
  clang::SourceLocation where;     // the variable, when there is one
  bool gplCompatible = false;
};

// The first variable of the translation unit placed in section "license".
ProgramLicense findProgramLicense(clang::ASTContext &ctx);

// The kernel's list (license_is_gpl_compatible in include/linux/license.h).
bool isGplCompatible(const std::string &license);

} // namespace inxpect
