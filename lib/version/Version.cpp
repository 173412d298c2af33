#include "Version.h"

#include "InxpectGitVersion.h" // generated at build time: cmake/GitDescribe.cmake

namespace inxpect {

std::string inxpectVersion() {
  std::string text = "inxpect " INXPECT_VERSION;
  std::string git = INXPECT_GIT_DESCRIBE;
  if (!git.empty())
    text += " (git " + git + ")";
  return text;
}

std::string inxpectVersionNumber() { return INXPECT_VERSION; }

} // namespace inxpect
