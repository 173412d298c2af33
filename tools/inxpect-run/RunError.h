// Failures a user can act on: the message says what went wrong and what to do.
#pragma once

#include <stdexcept>
#include <string>

namespace inxpect {

// A runtime failure (exit status 1): missing file, load refused, bad object.
class RunError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// A command line that cannot be run (exit status 2).
class UsageError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

} // namespace inxpect
