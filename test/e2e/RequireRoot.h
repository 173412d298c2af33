// e2e tests load BPF programs: they need root. Outside CI a normal user gets
// a skip that says why; in CI (CI=true) the same situation is a failure, so
// a missing privilege can never pass for a green run.
#pragma once

#include <cstdlib>
#include <unistd.h>

#include <gtest/gtest.h>

#define REQUIRE_ROOT_FOR_BPF()                                                        \
  do {                                                                                \
    if (geteuid() != 0) {                                                             \
      if (std::getenv("CI"))                                                          \
        FAIL() << "e2e tests load BPF programs and must run as root in CI";           \
      GTEST_SKIP() << "e2e tests load BPF programs: run them as root";                \
    }                                                                                 \
  } while (0)
