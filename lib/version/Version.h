// What --version prints of inxpect itself: the version of the project() in
// CMakeLists.txt and, when built from git, `git describe` at build time.
#pragma once

#include <string>

namespace inxpect {

// "inxpect 0.1.0 (git 56fa4c8-dirty)", or without the part in brackets.
std::string inxpectVersion();

// "0.1.0": the project's version alone (a man page's footer).
std::string inxpectVersionNumber();

} // namespace inxpect
