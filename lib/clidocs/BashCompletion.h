// A bash completion script, generated from a tool's option tables (`TOOL
// --bash-completion`) at build time, so a new option or command completes
// with no edit here.
#pragma once

#include <string>
#include <vector>

namespace inxpect {

struct CompletionOption {
  std::string name;                // "--format", "-o"
  bool takesValue = false;         // the next word is its value
  std::vector<std::string> values; // what that value may be; empty: file names
};

struct CompletionCommand {
  std::string name; // "replay"
  std::vector<CompletionOption> options;
  std::vector<std::string> arguments; // words its arguments may be; empty: file names
};

struct CompletionSpec {
  std::string tool;                      // "inxpect-run"
  std::vector<CompletionOption> options; // before a command, or all a tool without commands has
  std::vector<CompletionCommand> commands;
  bool clangArgsAfterDashes = false; // after `--` come another program's flags: files only
};

// The script: a function and the `complete` line that binds it to the tool.
std::string renderBashCompletion(const CompletionSpec &spec);

// The function's name: "_inxpect_run" for inxpect-run.
std::string completionFunction(const std::string &tool);

} // namespace inxpect
