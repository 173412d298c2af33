// Writes the rewritten files and the manifests all or nothing: each goes to
// a temporary file beside its destination and is renamed only when both are
// complete, so a failure never leaves half an output behind (the
// directories made for mirrored headers may stay).
#pragma once

#include <string>
#include <vector>

namespace inxpect {

struct OutputFile {
  std::string path;
  std::string content;
  bool mirrored = false; // a header's rewrite: its directory under the output's is made
};

// Returns an empty string on success, else what went wrong (and nothing of
// the outputs is left on disk).
std::string writeAllOrNothing(const std::vector<OutputFile> &files);

} // namespace inxpect
