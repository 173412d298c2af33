// The verifier's limit messages, recognised and explained.
#include <gtest/gtest.h>

#include "object/LoadFailure.h"

using inxpect::explainVerifierLimit;

TEST(VerifierLimits, InstructionBudgetNamesTheLastSourceLine) {
  std::string log = "; n += i; @ fw.inxpect.c:120\n"
                    "15: (07) r1 += 1\n"
                    "; return x; @ fw.inxpect.c:188\n"
                    "BPF program is too large. Processed 1000001 insn\n";
  std::string why = explainVerifierLimit(log);
  EXPECT_NE(why.find("budget of 1000000 processed instructions"), std::string::npos) << why;
  EXPECT_NE(why.find("(last at fw.inxpect.c:188)"), std::string::npos) << why;
  EXPECT_NE(why.find("--functions"), std::string::npos) << why;
  EXPECT_NE(why.find("--explain-verifier names the sections"), std::string::npos) << why;
}

TEST(VerifierLimits, StackLimitSaysHowBig) {
  std::string why =
      explainVerifierLimit("combined stack size of 3 calls is 544. Too large\n");
  EXPECT_NE(why.find("544 bytes over 3 nested calls"), std::string::npos) << why;
  EXPECT_NE(why.find("512-byte limit"), std::string::npos) << why;
}

TEST(VerifierLimits, JumpSequence) {
  EXPECT_NE(explainVerifierLimit("The sequence of 8193 jumps is too complex.\n").find("8193"),
            std::string::npos);
}

TEST(VerifierLimits, OtherRejectionsAreNotLimits) {
  EXPECT_EQ(explainVerifierLimit("R0 invalid mem access 'scalar'\n"), "");
}

TEST(VerifierLimits, TheBudgetDoesNotOfferTheExplanationThatFollows) {
  std::string why = explainVerifierLimit("BPF program is too large. Processed 1000001 insn\n",
                                         /*explaining=*/true);
  EXPECT_NE(why.find("budget of 1000000"), std::string::npos) << why;
  EXPECT_EQ(why.find("--explain-verifier"), std::string::npos) << why;
}
