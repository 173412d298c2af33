#include "views/OutputFile.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

#include "RunError.h"

namespace inxpect {

OutputFile::OutputFile(const std::optional<std::string> &path, std::ostream &fallback)
    : path_(path), fallback_(fallback) {
  if (!path_)
    return;
  // Unnamed (O_TMPFILE), in its directory: a session killed before its
  // commit leaves nothing behind. Its mode is the one the shell would give.
  std::string dir = std::filesystem::path(*path_).parent_path().string();
  unnamed_ = ::open(dir.empty() ? "." : dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  if (unnamed_ >= 0) {
    file_.open("/proc/self/fd/" + std::to_string(unnamed_), std::ios::out | std::ios::trunc);
    if (file_)
      return;
    ::close(unnamed_);
    unnamed_ = -1;
  }
  // A file system without unnamed files: a named one beside it.
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
    if (!temporary_.empty())
      std::remove(temporary_.c_str());
  }
  if (unnamed_ >= 0)
    ::close(unnamed_);
}

void OutputFile::nameTemporary() {
  // linkat cannot replace a file: a name of its own first, renamed over the
  // report at once (a kill between the two leaves it, for a moment only).
  temporary_ = *path_ + ".inxpect-" + std::to_string(::getpid());
  std::remove(temporary_.c_str());
  if (::linkat(AT_FDCWD, ("/proc/self/fd/" + std::to_string(unnamed_)).c_str(), AT_FDCWD,
               temporary_.c_str(), AT_SYMLINK_FOLLOW) != 0)
    throw RunError("cannot write " + *path_ + ": " + std::strerror(errno));
}

void OutputFile::commit() {
  std::ostream &out = stream();
  out.flush();
  if (!out)
    throw RunError(path_ ? "cannot write " + *path_ + " (disk full?)"
                         : std::string("cannot write the report (output closed?)"));
  if (!path_ || committed_)
    return;
  if (unnamed_ >= 0) {
    nameTemporary();
  } else {
    // mkstemp made it 0600; a report is as readable as a file the shell makes.
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(temporary_.c_str(), 0666 & ~mask);
  }
  if (std::rename(temporary_.c_str(), path_->c_str()) != 0) {
    int error = errno;
    std::remove(temporary_.c_str());
    throw RunError("cannot write " + *path_ + ": " + std::strerror(error));
  }
  committed_ = true;
}

} // namespace inxpect
