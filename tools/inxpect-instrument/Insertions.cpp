#include "Insertions.h"

#include <algorithm>
#include <utility>

#include "clang/Tooling/Core/Replacement.h"

namespace inxpect {

bool operator<(const InsertionOrder &a, const InsertionOrder &b) {
  if (a.phase != b.phase)
    return a.phase < b.phase;
  auto outsideIn = [](const InsertionOrder &o) { return std::pair(o.section, o.layer); };
  return a.phase == Phase::SectionClose ? outsideIn(b) < outsideIn(a)
                                        : outsideIn(a) < outsideIn(b);
}

llvm::Expected<std::string> applyInsertions(llvm::StringRef code,
                                            const std::vector<Insertion> &insertions) {
  // Replacements refuses two insertions at one offset (their order would be
  // ambiguous): join them first, in the order they were planned.
  std::vector<Insertion> merged = insertions;
  std::stable_sort(merged.begin(), merged.end(), [](const Insertion &a, const Insertion &b) {
    return a.offset != b.offset ? a.offset < b.offset : a.order < b.order;
  });
  clang::tooling::Replacements replacements;
  for (size_t i = 0; i < merged.size();) {
    std::string text;
    unsigned replaced = 0;
    size_t j = i;
    for (; j < merged.size() && merged[j].offset == merged[i].offset; ++j) {
      text += merged[j].text;
      replaced = std::max(replaced, merged[j].replaced);
    }
    if (llvm::Error err = replacements.add({"<source>", merged[i].offset, replaced, text}))
      return err;
    i = j;
  }
  return clang::tooling::applyAllReplacements(code, replacements);
}

} // namespace inxpect
