// The command-line tests' probe: what inxpect-run says about bad arguments.
#pragma once

#include <string>
#include <vector>

#include "cli/Options.h"
#include "RunError.h"

// The message of the UsageError the arguments raise, "" when they parse.
inline std::string usageError(std::vector<std::string> args) {
  try {
    inxpect::parseCommandLine(args);
  } catch (const inxpect::UsageError &e) {
    return e.what();
  }
  return "";
}
