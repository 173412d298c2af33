#include "CommandLineDocs.h"

#include <algorithm>

#include "llvm/ADT/STLExtras.h"

#include "BashCompletion.h"
#include "HelpText.h"
#include "ManPage.h"
#include "Version.h"

namespace inxpect {

namespace {

namespace cl = llvm::cl;

// An option as --help shows it: "-o" with " FILE", "--manifest" with "=FILE".
struct ShownOption {
  std::string name;
  std::string value; // "", " FILE" or "=FILE"
  std::string help;
};

std::string upper(std::string text) {
  for (char &c : text)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

ShownOption shown(const cl::Option &option) {
  ShownOption out;
  bool letter = option.ArgStr.size() == 1;
  out.name = (letter ? "-" : "--") + option.ArgStr.str();
  out.help = option.HelpStr.str();
  if (option.getValueExpectedFlag() == cl::ValueRequired)
    out.value = (letter ? " " : "=") + upper(option.ValueStr.empty() ? "value"
                                                                    : option.ValueStr.str());
  return out;
}

// The tool's options by name (as --help orders them), then LLVM's own that
// --help lists (--help, --help-list, --version): hiding the options of
// LLVM's libraries, as main does before --help, leaves only those visible.
std::vector<ShownOption> shownOptions(cl::OptionCategory &category) {
  cl::HideUnrelatedOptions(category);
  // Hidden until --help runs, which shows it where options have categories.
  if (cl::Option *helpList = cl::getRegisteredOptions().lookup("help-list"))
    helpList->setHiddenFlag(cl::NotHidden);
  std::vector<const cl::Option *> own, generic;
  for (const auto &entry : cl::getRegisteredOptions()) {
    const cl::Option *option = entry.getValue();
    if (option->getOptionHiddenFlag() != cl::NotHidden || entry.getKey() != option->ArgStr)
      continue;
    (llvm::is_contained(option->Categories, &category) ? own : generic).push_back(option);
  }
  std::vector<ShownOption> out;
  for (auto *group : {&own, &generic}) {
    std::sort(group->begin(), group->end(),
              [](const cl::Option *a, const cl::Option *b) { return a->ArgStr < b->ArgStr; });
    for (const cl::Option *option : *group)
      out.push_back(shown(*option));
  }
  return out;
}

// Runs of paragraphs and terms, a block each, so that they keep their order.
std::vector<ManBlock> topicBlocks(const HelpTopic &topic) {
  std::vector<ManBlock> blocks(1);
  if (topic.heading)
    blocks[0].subsection = topic.heading;
  for (const HelpLine &line : topic.lines) {
    if (!line.term && !blocks.back().entries.empty())
      blocks.emplace_back();
    if (line.term)
      blocks.back().entries.push_back({line.term, "", asSentence(line.text)});
    else
      blocks.back().paragraphs.push_back(line.text);
  }
  return blocks;
}

ManSection section(const std::string &title, std::vector<ManEntry> entries) {
  ManBlock b;
  b.entries = std::move(entries);
  return {title, {b}};
}

} // namespace

std::string instrumentManPage(cl::OptionCategory &category) {
  std::vector<ShownOption> options = shownOptions(category);
  ManPage page;
  page.name = "inxpect-instrument";
  page.summary = instrumentHelp::summary;
  page.source = "inxpect " + inxpectVersionNumber();
  std::string usage;
  for (const ShownOption &option : options)
    if (option.name != "--help" && option.name != "--help-list" && option.name != "--version")
      usage += "[" + option.name + option.value + "] ";
  page.synopsis = {usage + instrumentHelp::positional, "--help", "--version"};

  ManSection description{"DESCRIPTION", {}};
  for (const HelpTopic &topic : instrumentHelp::topics)
    for (ManBlock &b : topicBlocks(topic))
      description.blocks.push_back(std::move(b));
  page.sections.push_back(description);

  std::vector<ManEntry> entries;
  for (const ShownOption &option : options)
    entries.push_back({option.name, option.value.empty() ? "" : option.value.substr(
                                                                     option.value[0] == ' '),
                       asSentence(option.help)});
  page.sections.push_back(section("OPTIONS", entries));
  page.sections.push_back(section(
      "EXIT STATUS",
      {{"0", "", "Every source was rewritten and every output written."},
       {"1", "", "A source could not be read or parsed (clang's diagnostics say where, as "
                 "file:line:col: error:); nothing is written."},
       {"2", "", "The command line cannot run (an unknown option, an invalid --functions or "
                 "--headers regular expression, -o with several sources); nothing is "
                 "written."}}));
  page.sections.push_back(section(
      "ENVIRONMENT", {{"INXPECT_RUNTIME_DIR", "",
                       "The directory of inxpect.h for the rewritten source's #include, "
                       "instead of the one installed beside the tool (../include/inxpect from "
                       "its bin/)."}}));
  page.sections.push_back(section(
      "FILES", {{"SOURCE.inxpect.c", "", "The rewritten source, beside SOURCE unless -o."},
                {"SOURCE.inxpect.json", "",
                 "The manifest: each section's id, name, kind and place (schema version 1)."},
                {"HEADER.inxpect.h", "",
                 "A rewritten header of the program's own, beside the output."},
                {"PREFIX/include/inxpect/inxpect.h", "",
                 "The runtime header the rewritten source includes; compile it with "
                 "-I PREFIX/include/inxpect."}}));

  ManSection examples{"EXAMPLES", {}};
  for (const HelpExample &example : instrumentHelp::examples) {
    ManBlock b;
    if (example.note)
      b.paragraphs.push_back(asSentence(example.note));
    b.commands.push_back(example.command);
    examples.blocks.push_back(b);
  }
  page.sections.push_back(examples);

  ManBlock seeAlso;
  seeAlso.paragraphs = {"inxpect-run(1), clang(1).",
                        "docs/instrumenting.md in inxpect's sources."};
  page.sections.push_back({"SEE ALSO", {seeAlso}});
  return renderTroff(page, manPageDate());
}

std::string instrumentBashCompletion(cl::OptionCategory &category) {
  CompletionSpec spec;
  spec.tool = "inxpect-instrument";
  spec.clangArgsAfterDashes = true;
  for (const ShownOption &option : shownOptions(category))
    spec.options.push_back({option.name, !option.value.empty(), {}});
  return renderBashCompletion(spec);
}

} // namespace inxpect
