// Why a load failed, said so the user knows what to do.
#include <cerrno>

#include <gtest/gtest.h>

#include "object/LoadFailure.h"

using inxpect::explainLoadFailure;

namespace {

const char kLimitLog[] = "libbpf: prog 'xdp_x': -- BEGIN PROG LOAD LOG --\n"
                         "; B4096 @ x.inxpect.c:13\n"
                         "24636: (25) if r0 > 0x7 goto pc+1\n"
                         "The sequence of 8193 jumps is too complex.\n"
                         "-- END PROG LOAD LOG --\n";

} // namespace

TEST(RunLoadFailure, AVerifierLimitIsNamedWithItsSourceLine) {
  std::string why = explainLoadFailure("x.o", -EFAULT, kLimitLog);
  EXPECT_NE(why.find("the verifier rejected a program in x.o"), std::string::npos) << why;
  EXPECT_NE(why.find("8193 pending branches"), std::string::npos) << why;
  EXPECT_NE(why.find("(last at x.inxpect.c:13)"), std::string::npos) << why;
  EXPECT_NE(why.find("its log is above"), std::string::npos) << why;
}

TEST(RunLoadFailure, OtherRejectionsPointAtTheLog) {
  std::string why = explainLoadFailure(
      "x.o", -EACCES, "-- BEGIN PROG LOAD LOG --\nR0 invalid mem access 'scalar'\n-- END");
  EXPECT_NE(why.find("the verifier rejected"), std::string::npos) << why;
  EXPECT_NE(why.find("the last lines say which instruction"), std::string::npos) << why;
}

TEST(RunLoadFailure, NotRootAndNoBpfSayWhatToDo) {
  EXPECT_NE(explainLoadFailure("x.o", -EPERM, "").find("run as root"), std::string::npos);
  std::string why = explainLoadFailure("x.o", -ENOSYS, "");
  EXPECT_NE(why.find("CONFIG_BPF_SYSCALL=y"), std::string::npos) << why;
  EXPECT_NE(explainLoadFailure("x.o", -E2BIG, "").find("libbpf's messages above"),
            std::string::npos);
}
