#include "Annotations.h"

#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"

namespace inxpect {

namespace {

constexpr llvm::StringLiteral kPrefix = "inxpect:";

bool isCIdentifier(llvm::StringRef s) {
  if (s.empty() || !clang::isAsciiIdentifierStart(s[0]))
    return false;
  for (char c : s)
    if (!clang::isAsciiIdentifierContinue(c))
      return false;
  return true;
}

} // namespace

ParsedComment parseAnnotationComment(llvm::StringRef comment) {
  ParsedComment out;
  llvm::StringRef body = comment;
  if (body.consume_front("//")) {
    body.consume_front("/"); // doc comments ///
  } else if (body.consume_front("/*")) {
    body.consume_back("*/");
    body.consume_front("*");
  }
  body = body.trim();
  if (!body.consume_front(kPrefix))
    return out;
  out.isAnnotation = true;
  auto [word, rest] = body.ltrim().split(' ');
  // The name is the next word; anything after it is commentary.
  llvm::StringRef name = rest.trim().take_until([](char c) { return clang::isWhitespace(c); });
  if (word == "region")
    out.kind = MarkerKind::Region;
  else if (word == "begin")
    out.kind = MarkerKind::Begin;
  else if (word == "end")
    out.kind = MarkerKind::End;
  else {
    out.error = "unknown annotation 'inxpect:" + word.str() +
                "': use inxpect:region NAME, inxpect:begin NAME or inxpect:end NAME";
    return out;
  }
  if (name.empty()) {
    out.error = "inxpect:" + word.str() + " needs a name: inxpect:" + word.str() + " NAME";
    return out;
  }
  if (!isCIdentifier(name)) {
    out.error = "section name '" + name.str() +
                "' is not a C identifier (letters, digits and _, not starting with a digit)";
    return out;
  }
  out.name = name.str();
  return out;
}

std::vector<Marker> findMarkers(const SourceTokens &tokens, Reporter &report,
                                const clang::SourceManager &sm) {
  std::vector<Marker> markers;
  for (const RawToken &t : tokens.tokens()) {
    if (t.kind != clang::tok::comment)
      continue;
    ParsedComment parsed = parseAnnotationComment(tokens.text(t));
    if (!parsed.isAnnotation)
      continue;
    if (!parsed.error.empty()) {
      report.error(sm.getComposedLoc(tokens.file(), t.begin), parsed.error);
      continue;
    }
    markers.push_back({parsed.kind, parsed.name, t.begin, t.end});
  }
  return markers;
}

} // namespace inxpect
