// inxpect-instrument: rewrites an XDP/BPF C source so that its functions
// become profiled sections, and writes the manifest naming them.
#include <memory>
#include <string>

#include "clang/Basic/Version.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

#include "CommandLineDocs.h"
#include "HelpText.h"
#include "InstrumentAction.h"
#include "OptionParsing.h"
#include "SourceBatch.h"
#include "ToolDefaults.h"
#include "Version.h"

using namespace llvm;

static cl::OptionCategory category("inxpect-instrument options");

static cl::list<std::string> sources(cl::Positional, cl::desc(inxpect::instrumentHelp::positional),
                                     cl::OneOrMore, cl::cat(category));
static cl::opt<bool> perFunction("per-function",
                                 cl::desc("Make every function defined in SOURCE a section"),
                                 cl::cat(category));
static cl::opt<bool> perLoop("per-loop",
                             cl::desc("Make every for, while and do loop a section, named "
                                      "<function>.<for|while|do>@<line>"),
                             cl::cat(category));
static cl::opt<std::string> functionFilter(
    "functions",
    cl::desc("With --per-function: only functions whose whole name matches REGEX "
             "(e.g. 'xdp_.*|parse_.*')"),
    cl::value_desc("regex"), cl::cat(category));
static cl::opt<std::string> headers(
    "headers",
    cl::desc("Headers rewritten with SOURCE: those whose whole path relative to SOURCE's "
             "directory matches REGEX (default: the program's own headers under that "
             "directory; --headers= none)"),
    cl::value_desc("regex"), cl::cat(category));
static cl::opt<std::string> outputPath("o",
                                       cl::desc("Rewritten source (default: SOURCE with "
                                                "the extension .inxpect.c)"),
                                       cl::value_desc("file"), cl::cat(category));
static cl::opt<std::string> manifestPath("manifest",
                                         cl::desc("Section manifest (default: the output with "
                                                  "the extension .json)"),
                                         cl::value_desc("file"), cl::cat(category));
static cl::opt<std::string> buildPath("p",
                                      cl::desc("Build directory holding compile_commands.json"),
                                      cl::value_desc("dir"), cl::cat(category));
static cl::list<std::string> extraArgs("extra-arg",
                                       cl::desc("A flag appended to the compile command"),
                                       cl::value_desc("flag"), cl::cat(category));
static cl::list<std::string> extraArgsBefore("extra-arg-before",
                                             cl::desc("A flag put first in the compile command"),
                                             cl::value_desc("flag"), cl::cat(category));

namespace {

// `inferred`: also count a command LLVM interpolated from a neighbouring file.
bool hasCommandFor(const clang::tooling::CompilationDatabase &db, const std::string &source,
                   bool inferred) {
  SmallString<256> path(source);
  sys::fs::make_absolute(path);
  for (const clang::tooling::CompileCommand &cmd : db.getCompileCommands(path))
    if (inferred || cmd.Heuristic.empty())
      return true;
  return false;
}

// The defaults and the `--` flags, else -p DIR (with flags inferred for
// files it does not list, as clang tools do), else a compile_commands.json above SOURCE that lists it
// (one that only resembles it may be a C++ project's), else the BPF defaults. Null after an error has been printed.
std::unique_ptr<clang::tooling::CompilationDatabase>
chooseCompilationDatabase(std::unique_ptr<clang::tooling::CompilationDatabase> afterDashes) {
  std::string error;
  if (afterDashes)
    return inxpect::withDefaultBpfFlags(std::move(afterDashes));
  if (!buildPath.empty()) {
    auto db = clang::tooling::CompilationDatabase::loadFromDirectory(buildPath, error);
    if (!db) {
      errs() << "inxpect-instrument: error: " << error << "\n";
      return nullptr;
    }
    for (const std::string &source : sources)
      if (!hasCommandFor(*db, source, /*inferred=*/true)) {
        errs() << "inxpect-instrument: error: " << buildPath
               << "/compile_commands.json has no command for '" << source
               << "': build it there first, or give its flags after --\n";
        return nullptr;
      }
    return db;
  }
  auto db = clang::tooling::CompilationDatabase::autoDetectFromSource(sources.front(), error);
  if (db && llvm::all_of(sources, [&](const std::string &source) {
        return hasCommandFor(*db, source, /*inferred=*/false);
      }))
    return db;
  return std::make_unique<clang::tooling::FixedCompilationDatabase>(".",
                                                                    inxpect::defaultBpfFlags());
}

} // namespace

int main(int argc, const char **argv) {
  // Hidden: the build makes the man page and the bash completion with them.
  if (argc == 2 && (StringRef(argv[1]) == "--help-man" || StringRef(argv[1]) == "--bash-completion")) {
    outs() << (StringRef(argv[1]) == "--help-man" ? inxpect::instrumentManPage(category)
                                                  : inxpect::instrumentBashCompletion(category));
    return 0;
  }
  static const std::string helpEpilogue = inxpect::instrumentHelpEpilogue();
  static cl::extrahelp moreHelp(helpEpilogue);
  std::string error;
  // Takes everything after `--` as the compile flags, and hides it from cl.
  auto afterDashes = clang::tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv,
                                                                                   error);
  cl::HideUnrelatedOptions(category);
  cl::SetVersionPrinter([](raw_ostream &os) {
    os << "inxpect-instrument: " << inxpect::inxpectVersion()
       << "\nbuilt with LLVM " LLVM_VERSION_STRING " (clang " CLANG_VERSION_STRING ")\n";
  });
  if (!inxpect::parseOptions(argc, argv,
                             std::string("inxpect-instrument: ") + inxpect::instrumentHelp::summary +
                                 "\n"))
    return 2;
  if (!error.empty()) {
    StringRef why = StringRef(error).trim();
    why.consume_front("error: ");
    errs() << "inxpect-instrument: error: " << why << "\n";
    return 2;
  }
  std::string bad = inxpect::badClangFlag(extraArgsBefore);
  if (bad.empty())
    bad = inxpect::badClangFlag(extraArgs);
  if (!bad.empty()) {
    errs() << "inxpect-instrument: error: --extra-arg: " << bad << "\n";
    return 2;
  }
  inxpect::SourceBatch batch;
  batch.sources = sources;
  batch.outputPath = outputPath;
  batch.manifestPath = manifestPath;
  inxpect::InstrumentOptions &options = batch.modes;
  options.perFunction = perFunction;
  options.perLoop = perLoop;
  if (!functionFilter.empty()) {
    std::string why;
    if (!perFunction) {
      errs() << "inxpect-instrument: error: --functions narrows --per-function: pass both\n";
      return 2;
    }
    if (!Regex(functionFilter).isValid(why)) {
      errs() << "inxpect-instrument: error: --functions '" << functionFilter
             << "' is not a valid regular expression: " << why << "\n";
      return 2;
    }
    options.functionFilter = functionFilter;
  }
  if (headers.getNumOccurrences()) {
    std::string why;
    if (!headers.empty() && !Regex(headers).isValid(why)) {
      errs() << "inxpect-instrument: error: --headers '" << headers
             << "' is not a valid regular expression: " << why << "\n";
      return 2;
    }
    options.headers.pattern = headers;
  }
  if (int status = inxpect::checkSources(batch))
    return status;

  auto db = chooseCompilationDatabase(std::move(afterDashes));
  if (!db)
    return 1;
  return inxpect::instrumentSources(
      batch, *db,
      clang::tooling::combineAdjusters(inxpect::extraArgumentsAdjuster(extraArgsBefore, extraArgs),
                                       inxpect::bpfArgumentsAdjuster()));
}
