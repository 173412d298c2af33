// `inxpect:` annotations in comments: `inxpect:region NAME` (the next
// statement), `inxpect:begin NAME` ... `inxpect:end NAME` (a run of
// statements in one block). A comment is an annotation when its text starts
// with `inxpect:`; words after the name are commentary.
#pragma once

#include <string>
#include <vector>

#include "Diagnostics.h"
#include "SourceTokens.h"

namespace inxpect {

enum class MarkerKind { Region, Begin, End };

struct Marker {
  MarkerKind kind;
  std::string name;
  unsigned begin, end; // the comment's file offsets
};

// What one comment says: nothing (not an annotation), a marker, or an error
// (an `inxpect:` comment that is malformed: unknown word, no name, a name
// that is no C identifier). Pure, for unit tests.
struct ParsedComment {
  bool isAnnotation = false;
  MarkerKind kind = MarkerKind::Region;
  std::string name;
  std::string error; // set when the annotation is malformed
};
ParsedComment parseAnnotationComment(llvm::StringRef comment);

// Every annotation of `tokens`' file, in order. Malformed ones are reported
// as errors at their comment.
std::vector<Marker> findMarkers(const SourceTokens &tokens, Reporter &report,
                                const clang::SourceManager &sm);

} // namespace inxpect
