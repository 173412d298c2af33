// The program's own headers, rewritten beside the source: which ones, where
// their rewrites go, and the #include lines that must name the rewrites.
//
// A header is the program's own, its functions and loops sections, when the
// user compiles it as a user header (not from a system or -isystem
// directory), it lies under the source's directory, and it is neither the
// runtime's inxpect.h nor one of libbpf's; `--headers REGEX` replaces the
// last two tests with a regex that the whole path, relative to the source's
// directory, must match (`--headers=` selects none). A user header through
// which the source includes an own one is rewritten too, for its #include. Its rewrite goes to
// the source's output directory, at the header's place in the source's tree,
// named <stem>.inxpect<ext>, and every #include of it in a rewritten file is
// redirected there (a quoted path relative to the includer's rewrite), so
// the rewritten source compiles with the flags the original did.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "clang/AST/ASTContext.h"
#include "clang/Lex/PPCallbacks.h"

#include "Diagnostics.h"
#include "SourceFiles.h"

namespace inxpect {

struct IncludeDirective {
  clang::FileID includer;
  unsigned lineStart = 0;            // where its line starts in the includer
  unsigned nameBegin = 0, nameEnd = 0; // the name with its quotes or brackets
  bool plain = false;                // the name is written out, not a macro's
  const clang::FileEntry *target = nullptr;
  clang::SourceLocation where;
};

struct IncludeGraph {
  std::vector<IncludeDirective> directives;
  std::vector<clang::FileID> entered; // each file entered, in order
};

// Records #include directives and entered files while the source is preprocessed.
std::unique_ptr<clang::PPCallbacks> makeIncludeRecorder(const clang::SourceManager &sm,
                                                        IncludeGraph &out);

struct HeaderChoice {
  std::optional<std::string> pattern; // --headers; none: the default rule above
};

// The source, then every user header (not a system one) whose every
// #include can be redirected (written out, in the source or in another such
// header), own ones with their tokens. An own header that defines functions
// and cannot be is reported with a remark; so is one entered twice with
// functions in both inclusions.
SourceFiles chooseRewrittenFiles(clang::ASTContext &ctx, const IncludeGraph &graph,
                                 const HeaderChoice &choice, const std::string &sourceName,
                                 const std::string &outputPath, Reporter &report);

// `written` (file indices; the source and the headers holding probes) grows
// by the headers that include a written one, and each #include of a written
// header in a written file gets its redirect. Returns the offset of the
// first such line in the source (~0u if none): the runtime include must come
// before it.
unsigned redirectIncludes(const SourceFiles &files, const IncludeGraph &graph,
                          const clang::SourceManager &sm, std::set<unsigned> &written,
                          InsertionsByFile &out);

// "filter.h" -> "filter.inxpect.h" (pure, for unit tests).
std::string rewrittenHeaderName(const std::string &fileName);
// The path from directory `from` to `to`, both absolute: "../lib/x.h".
std::string relativePath(const std::string &from, const std::string &to);

} // namespace inxpect
