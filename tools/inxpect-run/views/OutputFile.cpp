#include "views/OutputFile.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

#include "RunError.h"

namespace inxpect {

OutputFile::OutputFile(const std::optional<std::string> &path, std::ostream &fallback)
    : path_(path), fallback_(fallback) {
  if (!path_)
    return;
  // Beside it: a rename within one file system replaces it at once.
  std::string pattern = *path_ + ".XXXXXX";
  int fd = ::mkstemp(pattern.data());
  if (fd < 0)
    throw RunError("cannot write " + *path_ + ": " + std::strerror(errno) +
                   ": check that its directory exists and is writable");
  ::close(fd);
  temporary_ = pattern;
  file_.open(temporary_, std::ios::out | std::ios::trunc);
  if (!file_) {
    std::remove(temporary_.c_str());
    throw RunError("cannot write " + *path_ + ": check that its directory exists and is writable");
  }
}

OutputFile::~OutputFile() {
  if (path_ && !committed_) {
    file_.close();
    std::remove(temporary_.c_str());
  }
}

void OutputFile::commit() {
  std::ostream &out = stream();
  out.flush();
  if (!out)
    throw RunError(path_ ? "cannot write " + *path_ + " (disk full?)"
                         : std::string("cannot write the report (output closed?)"));
  if (!path_ || committed_)
    return;
  // mkstemp made it 0600; a report is as readable as a file the shell makes.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(temporary_.c_str(), 0666 & ~mask);
  if (std::rename(temporary_.c_str(), path_->c_str()) != 0)
    throw RunError("cannot write " + *path_ + ": " + std::strerror(errno));
  committed_ = true;
}

} // namespace inxpect
