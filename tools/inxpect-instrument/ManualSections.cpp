#include "ManualSections.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/MacroArgs.h"
#include "clang/Lex/MacroInfo.h"
#include "llvm/Support/Path.h"

namespace inxpect {

namespace {

bool isTraceMacro(llvm::StringRef name) { return name == "START_TRACE" || name == "END_TRACE"; }

// Whether `loc` is in the runtime header, by its file name: the rewriter
// finds it on its include path, as the program's build does.
bool inRuntimeHeader(const clang::SourceManager &sm, clang::SourceLocation loc) {
  return llvm::sys::path::filename(sm.getFilename(sm.getSpellingLoc(loc))) == "inxpect.h";
}

class TraceMacroCollector : public clang::PPCallbacks {
public:
  TraceMacroCollector(const clang::SourceManager &sm, HandWrittenTraces &out)
      : sm_(sm), out_(out) {}

  void MacroDefined(const clang::Token &nameTok, const clang::MacroDirective *md) override {
    llvm::StringRef macro = nameTok.getIdentifierInfo()->getName();
    if (isTraceMacro(macro) && !inRuntimeHeader(sm_, md->getLocation()))
      out_.programMacros.push_back({macro.str(), sm_.getExpansionLoc(md->getLocation())});
  }

  void FileChanged(clang::SourceLocation loc, FileChangeReason reason,
                   clang::SrcMgr::CharacteristicKind, clang::FileID) override {
    if (reason != EnterFile || out_.headerIncluded || !inRuntimeHeader(sm_, loc))
      return;
    // Up the include chain to the main file's own #include line.
    clang::SourceLocation at = sm_.getIncludeLoc(sm_.getFileID(loc));
    while (at.isValid() && !sm_.isInMainFile(at))
      at = sm_.getIncludeLoc(sm_.getFileID(at));
    if (at.isValid())
      out_.headerIncluded = sm_.getFileOffset(at) - (sm_.getSpellingColumnNumber(at) - 1);
  }

  void MacroExpands(const clang::Token &nameTok, const clang::MacroDefinition &definition,
                    clang::SourceRange range, const clang::MacroArgs *args) override {
    llvm::StringRef macro = nameTok.getIdentifierInfo()->getName();
    const clang::MacroInfo *info = definition.getMacroInfo();
    if (!isTraceMacro(macro) || !info || !inRuntimeHeader(sm_, info->getDefinitionLoc()))
      return;
    clang::SourceLocation loc = nameTok.getLocation();
    TraceMacro use;
    use.start = macro == "START_TRACE";
    use.loc = sm_.getExpansionLoc(loc);
    use.file = sm_.getFileID(use.loc);
    use.offset = sm_.getFileOffset(use.loc);
    use.fromMacro = loc.isMacroID();
    use.rparen = sm_.getFileOffset(sm_.getExpansionLoc(range.getEnd()));
    if (args && args->getNumMacroArguments() > 0) {
      int depth = 0;
      use.arguments = 1;
      for (const clang::Token *t = args->getUnexpArgument(0); t->isNot(clang::tok::eof); ++t) {
        if (t->is(clang::tok::identifier) && use.name.empty())
          use.name = t->getIdentifierInfo()->getName().str();
        depth += t->is(clang::tok::l_paren) - t->is(clang::tok::r_paren);
        use.arguments += depth == 0 && t->is(clang::tok::comma);
      }
    }
    out_.uses.push_back(use);
  }

private:
  const clang::SourceManager &sm_;
  HandWrittenTraces &out_;
};

} // namespace

std::unique_ptr<clang::PPCallbacks> makeTraceMacroCollector(const clang::SourceManager &sm,
                                                           HandWrittenTraces &out) {
  return std::make_unique<TraceMacroCollector>(sm, out);
}

std::vector<PlannedSection> findManualSections(const HandWrittenTraces &traces,
                                               const SourceFiles &files,
                                               const std::vector<FunctionFacts> &functions,
                                               Reporter &report) {
  for (const auto &[name, where] : traces.programMacros)
    report.note(where, name + " is the program's own macro, not inxpect.h's: its uses are "
                              "left as they are");
  const std::vector<TraceMacro> &uses = traces.uses;
  std::vector<PlannedSection> sections;
  auto inFunction = [](const FunctionFacts &f, const TraceMacro &use) {
    return f.file->id == use.file && f.body.contains(use.offset);
  };
  for (const TraceMacro &use : uses) {
    if (!use.start || !files.withSections(use.file))
      continue;
    if (use.fromMacro) {
      report.error(use.loc, "START_TRACE inside a macro expansion cannot be given an id: "
                            "write it in the function itself");
      continue;
    }
    if (use.arguments != 1 || use.name.empty()) {
      report.error(use.loc, "START_TRACE takes one argument, the section's name: "
                            "START_TRACE(name) (inxpect-instrument adds the id)");
      continue;
    }
    const FunctionFacts *fn = nullptr;
    for (const FunctionFacts &f : functions)
      if (inFunction(f, use))
        fn = &f;
    if (!fn) {
      report.error(use.loc, "START_TRACE(" + use.name + ") is outside a function body");
      continue;
    }
    unsigned end = fn->body.end;
    for (const TraceMacro &other : uses)
      if (!other.start && other.name == use.name && other.offset > use.offset &&
          inFunction(*fn, other)) { // uses come in file order: the first is next
        end = other.rparen + 1;
        break;
      }
    PlannedSection s;
    s.section.name = use.name;
    s.section.kind = SectionKind::Manual;
    s.section.function = fn->name;
    s.shape = ProbeShape::Manual;
    s.function = fn;
    s.span = {use.offset, end};
    s.open = use.rparen; // ", id" goes before the closing parenthesis
    s.automatic = false;
    s.where = use.loc;
    sections.push_back(s);
  }
  return sections;
}

} // namespace inxpect
