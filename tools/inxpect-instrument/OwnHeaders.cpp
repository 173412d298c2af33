#include "OwnHeaders.h"

#include <map>

#include "clang/AST/Decl.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

namespace inxpect {

namespace {

namespace path = llvm::sys::path;

class IncludeRecorder : public clang::PPCallbacks {
public:
  IncludeRecorder(const clang::SourceManager &sm, IncludeGraph &out) : sm_(sm), out_(out) {}

  void InclusionDirective(clang::SourceLocation hash, const clang::Token &, llvm::StringRef,
                          bool, clang::CharSourceRange name, clang::OptionalFileEntryRef file,
                          llvm::StringRef, llvm::StringRef, const clang::Module *, bool,
                          clang::SrcMgr::CharacteristicKind) override {
    if (!file || hash.isMacroID())
      return;
    IncludeDirective d;
    d.includer = sm_.getFileID(hash);
    d.where = hash;
    d.lineStart = sm_.getFileOffset(hash) - (sm_.getSpellingColumnNumber(hash) - 1);
    d.target = &file->getFileEntry();
    clang::SourceLocation begin = name.getBegin(), end = name.getEnd();
    if (begin.isFileID() && end.isFileID() && sm_.getFileID(begin) == d.includer) {
      d.nameBegin = sm_.getFileOffset(begin);
      d.nameEnd = sm_.getFileOffset(end);
      char open = *sm_.getCharacterData(begin);
      d.plain = (open == '"' || open == '<') && d.nameEnd > d.nameBegin;
    }
    out_.directives.push_back(d);
  }

  void FileChanged(clang::SourceLocation loc, FileChangeReason reason,
                   clang::SrcMgr::CharacteristicKind, clang::FileID) override {
    if (reason == EnterFile && loc.isFileID())
      out_.entered.push_back(sm_.getFileID(loc));
  }

private:
  const clang::SourceManager &sm_;
  IncludeGraph &out_;
};

std::string absolute(llvm::StringRef p) {
  llvm::SmallString<256> s(p);
  llvm::sys::fs::make_absolute(s);
  path::remove_dots(s, /*remove_dot_dot=*/true);
  return std::string(s);
}

// The file's real path, so that a header reached by two spellings is one.
std::string realPath(clang::FileEntryRef file) {
  llvm::StringRef real = file.getFileEntry().tryGetRealPathName();
  return real.empty() ? absolute(file.getName()) : real.str();
}

bool isLibbpfOrRuntimeHeader(llvm::StringRef name) {
  static const llvm::StringSet<> names = {"inxpect.h",       "bpf_helpers.h",   "bpf_helper_defs.h",
                                          "bpf_endian.h",    "bpf_tracing.h",   "bpf_core_read.h",
                                          "usdt.bpf.h",      "vmlinux.h"};
  return names.contains(name);
}

class HeaderRule {
public:
  explicit HeaderRule(const HeaderChoice &choice) {
    // Empty: no header at all (llvm::Regex refuses an empty one).
    if (choice.pattern)
      regex_.emplace(choice.pattern->empty() ? "^$" : "^(" + *choice.pattern + ")$");
  }
  // Whether its code gets sections.
  bool own(llvm::StringRef relative) const {
    if (regex_)
      return regex_->match(relative);
    return !relative.starts_with("../") && !path::is_absolute(relative) &&
           !isLibbpfOrRuntimeHeader(path::filename(relative));
  }

private:
  std::optional<llvm::Regex> regex_;
};

// Never rewritten: the runtime, and our own outputs.
bool neverRewritten(llvm::StringRef name) {
  return name == "inxpect.h" || name.contains(".inxpect.");
}

struct Candidate {
  clang::FileID id;           // the inclusion holding its functions (else the first)
  std::string realPath;
  bool own = false;           // its code gets sections
  bool definesFunctions = false;
  unsigned inclusionsWithFunctions = 0;
};

std::map<clang::FileID, unsigned> functionsByInclusion(clang::ASTContext &ctx) {
  const clang::SourceManager &sm = ctx.getSourceManager();
  std::map<clang::FileID, unsigned> count;
  for (const clang::Decl *d : ctx.getTranslationUnitDecl()->decls())
    if (const auto *fn = llvm::dyn_cast<clang::FunctionDecl>(d))
      if (fn->doesThisDeclarationHaveABody())
        ++count[sm.getFileID(sm.getExpansionLoc(fn->getLocation()))];
  return count;
}

} // namespace

std::unique_ptr<clang::PPCallbacks> makeIncludeRecorder(const clang::SourceManager &sm,
                                                        IncludeGraph &out) {
  return std::make_unique<IncludeRecorder>(sm, out);
}

std::string rewrittenHeaderName(const std::string &fileName) {
  llvm::StringRef ext = path::extension(fileName);
  return llvm::StringRef(fileName).drop_back(ext.size()).str() + ".inxpect" + ext.str();
}

std::string relativePath(const std::string &from, const std::string &to) {
  llvm::SmallVector<llvm::StringRef, 16> a, b;
  for (auto it = path::begin(from), end = path::end(from); it != end; ++it)
    a.push_back(*it);
  for (auto it = path::begin(to), end = path::end(to); it != end; ++it)
    b.push_back(*it);
  size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common])
    ++common;
  llvm::SmallString<256> out;
  for (size_t i = common; i < a.size(); ++i)
    path::append(out, path::Style::posix, "..");
  for (size_t i = common; i < b.size(); ++i)
    path::append(out, path::Style::posix, b[i]);
  return std::string(out);
}

SourceFiles chooseRewrittenFiles(clang::ASTContext &ctx, const IncludeGraph &graph,
                                 const HeaderChoice &choice, const std::string &sourceName,
                                 const std::string &outputPath, Reporter &report) {
  const clang::SourceManager &sm = ctx.getSourceManager();
  clang::FileID mainId = sm.getMainFileID();
  const clang::FileEntry *mainEntry = &sm.getFileEntryRefForID(mainId)->getFileEntry();
  std::string sourceDir(path::parent_path(realPath(*sm.getFileEntryRefForID(mainId))));
  std::string outputDir(path::parent_path(absolute(outputPath)));
  auto lang = ctx.getLangOpts();

  SourceFiles files;
  auto source = std::make_unique<RewrittenFile>();
  source->id = mainId;
  source->shownPath = sourceName;
  source->outputPath = outputPath;
  source->code = sm.getBufferData(mainId);
  source->tokens = std::make_unique<SourceTokens>(source->code, lang, mainId);
  files.files.push_back(std::move(source));

  // Own headers, by file, in order of first inclusion.
  HeaderRule rule(choice);
  std::map<clang::FileID, unsigned> functions = functionsByInclusion(ctx);
  std::vector<const clang::FileEntry *> order;
  std::map<const clang::FileEntry *, Candidate> candidates;
  for (clang::FileID id : graph.entered) {
    clang::OptionalFileEntryRef ref = sm.getFileEntryRefForID(id);
    if (!ref || id == mainId || sm.getFileCharacteristic(sm.getLocForStartOfFile(id)) !=
                                    clang::SrcMgr::C_User)
      continue;
    std::string real = realPath(*ref);
    if (neverRewritten(path::filename(real)))
      continue;
    auto [it, fresh] = candidates.try_emplace(&ref->getFileEntry());
    Candidate &c = it->second;
    if (fresh) {
      order.push_back(&ref->getFileEntry());
      c.id = id;
      c.realPath = real;
      c.own = rule.own(relativePath(sourceDir, real));
    }
    if (functions.count(id) && c.own) {
      if (c.inclusionsWithFunctions++ == 0)
        c.id = id;
      c.definesFunctions = true;
    }
  }
  for (auto it = candidates.begin(); it != candidates.end();) {
    if (it->second.inclusionsWithFunctions > 1) {
      report.note(sm.getLocForStartOfFile(it->second.id),
                  "header is included more than once with functions in each inclusion: "
                  "not instrumented");
      it = candidates.erase(it);
    } else {
      ++it;
    }
  }

  // Every #include of a rewritten header must be one we can redirect: drop
  // those included elsewhere, until none is.
  auto rewritable = [&](const clang::FileEntry *e) { return e == mainEntry || candidates.count(e); };
  for (bool dropped = true; dropped;) {
    dropped = false;
    for (const IncludeDirective &d : graph.directives) {
      auto it = candidates.find(d.target);
      if (it == candidates.end())
        continue;
      clang::OptionalFileEntryRef includer = sm.getFileEntryRefForID(d.includer);
      if (d.plain && includer && rewritable(&includer->getFileEntry()))
        continue;
      if (it->second.definesFunctions && it->second.own)
        report.note(d.where, "'" + relativePath(sourceDir, it->second.realPath) +
                                 "' is not instrumented: this #include of it " +
                                 (d.plain ? "is in a file that is not rewritten (a system header?)"
                                          : "names it through a macro") +
                                 ", so it could not name the rewrite");
      candidates.erase(it);
      dropped = true;
    }
  }

  std::string sourceShownDir(path::parent_path(sourceName));
  for (const clang::FileEntry *e : order) {
    auto it = candidates.find(e);
    if (it == candidates.end())
      continue;
    const Candidate &c = it->second;
    auto header = std::make_unique<RewrittenFile>();
    header->index = static_cast<unsigned>(files.files.size());
    header->id = c.id;
    header->relative = relativePath(sourceDir, c.realPath);
    llvm::SmallString<256> shown(sourceShownDir);
    path::append(shown, header->relative);
    path::remove_dots(shown, /*remove_dot_dot=*/true);
    header->shownPath = std::string(shown);
    llvm::SmallString<256> out(outputDir);
    path::append(out, path::parent_path(header->relative),
                 rewrittenHeaderName(std::string(path::filename(header->relative))));
    path::remove_dots(out, /*remove_dot_dot=*/true);
    header->outputPath = std::string(out);
    header->code = sm.getBufferData(c.id);
    if (c.own)
      header->tokens = std::make_unique<SourceTokens>(header->code, lang, c.id);
    files.files.push_back(std::move(header));
  }
  return files;
}

unsigned redirectIncludes(const SourceFiles &files, const IncludeGraph &graph,
                          const clang::SourceManager &sm, std::set<unsigned> &written,
                          InsertionsByFile &out) {
  auto fileOf = [&](const clang::FileEntry *e) -> const RewrittenFile * {
    for (const auto &f : files.files)
      if (&sm.getFileEntryRefForID(f->id)->getFileEntry() == e)
        return f.get();
    return nullptr;
  };
  auto includerOf = [&](const IncludeDirective &d) -> const RewrittenFile * {
    clang::OptionalFileEntryRef ref = sm.getFileEntryRefForID(d.includer);
    return ref ? fileOf(&ref->getFileEntry()) : nullptr;
  };
  // Headers that include a written header are written too, up to the source.
  for (bool grew = true; grew;) {
    grew = false;
    for (const IncludeDirective &d : graph.directives) {
      const RewrittenFile *target = fileOf(d.target), *includer = includerOf(d);
      if (target && includer && written.count(target->index))
        grew |= written.insert(includer->index).second;
    }
  }
  unsigned firstInSource = ~0u;
  std::set<std::pair<unsigned, unsigned>> done; // a header entered twice repeats its directives
  for (const IncludeDirective &d : graph.directives) {
    const RewrittenFile *target = fileOf(d.target), *includer = includerOf(d);
    if (!target || !includer || !written.count(target->index) ||
        !done.insert({includer->index, d.nameBegin}).second)
      continue;
    std::string from(path::parent_path(absolute(includer->outputPath)));
    std::string name = "\"" + relativePath(from, absolute(target->outputPath)) + "\"";
    out[includer->index].push_back({d.nameBegin, name, {}, d.nameEnd - d.nameBegin});
    if (includer->isSource())
      firstInSource = std::min(firstInSource, d.lineStart);
  }
  return firstInSource;
}

} // namespace inxpect
