#include "views/OutputFile.h"

#include "RunError.h"

namespace inxpect {

std::ostream &openOutput(const std::optional<std::string> &path, std::ofstream &file,
                         std::ostream &fallback) {
  if (!path)
    return fallback;
  file.open(*path, std::ios::out | std::ios::trunc);
  if (!file)
    throw RunError("cannot write " + *path + ": check that its directory exists and is writable");
  return file;
}

} // namespace inxpect
