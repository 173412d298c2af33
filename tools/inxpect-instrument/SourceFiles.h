// The files one rewrite may change: the source, the program's own headers,
// whose code gets sections, and the headers through which the source
// includes those, whose #include lines may need to name a rewrite
// (OwnHeaders.h chooses them). Each knows where its rewrite is written and
// how its sections are named.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "clang/Basic/SourceLocation.h"

#include "Insertions.h"
#include "SourceTokens.h"

namespace inxpect {

struct RewrittenFile {
  unsigned index = 0;        // 0 the source, then headers by first inclusion
  clang::FileID id;          // the inclusion whose code is instrumented
  std::string relative;      // a header's path from the source's directory ("lib/parse.h")
  std::string shownPath;     // the manifest's "file": the source as named, a header beside it
  std::string outputPath;    // where the rewrite is written
  llvm::StringRef code;
  std::unique_ptr<SourceTokens> tokens; // only where code gets sections

  bool isSource() const { return index == 0; }
  // What the names of its functions and loops start with: "lib/parse.h:"
  // for a header, nothing for the source.
  std::string namePrefix() const { return isSource() ? "" : relative + ":"; }
};

// Insertions into each rewritten file, by its index.
using InsertionsByFile = std::map<unsigned, std::vector<Insertion>>;

class SourceFiles {
public:
  // The source first.
  std::vector<std::unique_ptr<RewrittenFile>> files;

  const RewrittenFile &source() const { return *files.front(); }
  // The file `id` is an inclusion of, if its code gets sections.
  const RewrittenFile *withSections(clang::FileID id) const {
    for (const auto &f : files)
      if (f->id == id && f->tokens)
        return f.get();
    return nullptr;
  }
};

} // namespace inxpect
