// The man page and the bash completion of inxpect-run, made from the command
// and option tables that parse the command line and print --help. The build
// writes them with the hidden `inxpect-run --help-man` and `--bash-completion`.
#pragma once

#include <string>

namespace inxpect {

std::string runManPage();        // troff, inxpect-run(1)
std::string runBashCompletion(); // a bash script

} // namespace inxpect
