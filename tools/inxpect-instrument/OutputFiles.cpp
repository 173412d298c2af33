#include "OutputFiles.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace inxpect {

std::string writeAllOrNothing(const std::vector<OutputFile> &files) {
  std::vector<std::string> temps;
  auto cleanup = [&] {
    for (const std::string &t : temps)
      llvm::sys::fs::remove(t);
  };
  for (const OutputFile &f : files) {
    if (f.mirrored)
      llvm::sys::fs::create_directories(llvm::sys::path::parent_path(f.path));
    llvm::SmallString<256> model(f.path);
    model += ".tmp-%%%%%%";
    int fd;
    llvm::SmallString<256> temp;
    if (std::error_code ec = llvm::sys::fs::createUniqueFile(model, fd, temp)) {
      cleanup();
      return "cannot write '" + f.path + "': " + ec.message();
    }
    temps.push_back(std::string(temp));
    llvm::raw_fd_ostream out(fd, /*shouldClose=*/true);
    out << f.content;
    out.close();
    if (out.has_error()) {
      std::string why = out.error().message();
      out.clear_error();
      cleanup();
      return "cannot write '" + f.path + "': " + why;
    }
  }
  for (size_t i = 0; i < files.size(); ++i) {
    if (std::error_code ec = llvm::sys::fs::rename(temps[i], files[i].path)) {
      for (size_t j = 0; j < i; ++j)
        llvm::sys::fs::remove(files[j].path);
      cleanup();
      return "cannot write '" + files[i].path + "': " + ec.message();
    }
  }
  return "";
}

} // namespace inxpect
