// Where the verifier's instructions went: a log of level 2 (the shape of the
// kernel's, lines cut from a real one) attributed to the manifest's sections.
#include <gtest/gtest.h>

#include "object/FullVerifierLog.h"
#include "object/VerifierCost.h"

namespace {

using namespace inxpect;

Section function(unsigned id, const std::string &name, unsigned begin, unsigned end) {
  Section s;
  s.id = id;
  s.name = s.function = name;
  s.kind = SectionKind::Function;
  s.file = "lb.c";
  s.begin = {begin, 1};
  s.end = {end, 1};
  return s;
}

Manifest lbManifest() {
  Manifest m;
  m.source = "lb.c";
  m.output = "lb.inxpect.c";
  m.sections = {function(0, "rotl", 14, 17), function(1, "mix", 19, 23),
                function(2, "xdp_lb", 42, 66)};
  return m;
}

// Eight instructions: xdp_lb's own three, rotl's two, a probe of two between
// rotl's code and xdp_lb's (shared), one probe after a branch popped (to the
// section last seen), and a pruned one ("safe"), which walked nothing.
const char kLog[] =
    "0: R1=ctx() R10=fp0\n"
    "; int xdp_lb(struct xdp_md *ctx) @ lb.inxpect.c:43\n"
    "0: (bf) r7 = r1                       ; R1=ctx() R7=ctx()\n"
    "1: (b7) r0 = 0                        ; R0=0\n"
    "; return (x << k) | (x >> (32 - k)); @ lb.inxpect.c:16\n"
    "2: (bf) r1 = r6                       ; R1=scalar(id=3) R6=scalar(id=3)\n"
    "3: (67) r1 <<= 5                      ; R1=scalar()\n"
    "; if (event) { @ inxpect.h:545\n"
    "4: (15) if r1 == 0x0 goto pc+3        ; R1=scalar(umin=1)\n"
    "5: (05) goto pc+1\n"
    "; h = mix(h, i); @ lb.inxpect.c:60\n"
    "7: (bf) r1 = r6                       ; R1=scalar(id=3) R6=scalar(id=3)\n"
    "from 4 to 8: R1=0 R6=scalar(id=3) R10=fp0\n"
    "; if (__builtin_expect(*(const volatile inxpect_u64 *)&open->start != 0, 0)) @ inxpect.h:562\n"
    "8: (15) if r1 == 0x0 goto pc+3        ; R1=0\n"
    "9: safe\n";

TEST(VerifierCost, InstructionsGoToTheInnermostSectionOfTheirLineAndProbesAreShared) {
  VerifierCost cost = attributeVerifierLog(kLog, lbManifest());
  EXPECT_EQ(cost.total, 8u);
  ASSERT_EQ(cost.ranked.size(), 2u);
  EXPECT_EQ(cost.ranked[0].id, std::optional<unsigned>(2)); // xdp_lb: 3 own, 1 + 1 of probes
  EXPECT_EQ(cost.ranked[0].insns, 5u);
  EXPECT_EQ(cost.ranked[1].id, std::optional<unsigned>(0)); // rotl: 2 own, 1 of the probe
  EXPECT_EQ(cost.ranked[1].insns, 3u);
  EXPECT_EQ(cost.ranked[0].walks, 2u); // in at line 43, back at line 60 from rotl
  EXPECT_EQ(cost.ranked[1].walks, 1u);
}

TEST(VerifierCost, TheOriginalSourceNamedByLineDirectivesCountsToo) {
  // A rewrite with #line names the source itself in its line info.
  std::string log = "; return x; @ /home/u/lb.c:15\n0: (bf) r1 = r6\n";
  VerifierCost cost = attributeVerifierLog(log, lbManifest());
  ASSERT_EQ(cost.ranked.size(), 1u);
  EXPECT_EQ(cost.ranked[0].id, std::optional<unsigned>(0));
}

TEST(VerifierCost, LinesOutsideEverySectionAreTheirOwnRow) {
  std::string log = "; struct x; @ lb.inxpect.c:5\n0: (bf) r1 = r6\n";
  VerifierCost cost = attributeVerifierLog(log, lbManifest());
  ASSERT_EQ(cost.ranked.size(), 1u);
  EXPECT_FALSE(cost.ranked[0].id.has_value());
  EXPECT_NE(describeVerifierCost(cost, lbManifest(), "xdp_lb", 5).find("100%  outside every section"),
            std::string::npos);
}

TEST(VerifierCost, TheReportNamesSharesAndTheFunctionsThatLeaveTheCostliestHalfOut) {
  std::string report = describeVerifierCost(attributeVerifierLog(kLog, lbManifest()),
                                            lbManifest(), "xdp_lb", 5);
  EXPECT_NE(report.find("(8 walked in its log;"), std::string::npos) << report;
  EXPECT_NE(report.find("\n  62%  xdp_lb (function), 2 walks\n  38%  rotl (function), 1 walks"),
            std::string::npos)
      << report;
  // The entry program stays in, though it cost most: its probes run once a path.
  EXPECT_NE(report.find("inxpect-instrument --per-function --functions 'mix|xdp_lb' lb.c"),
            std::string::npos)
      << report;
}

TEST(VerifierCost, LoopsLeftOutMeanNoPerLoop) {
  Manifest m = lbManifest();
  Section loop = function(3, "xdp_lb_loop_50", 50, 55);
  loop.kind = SectionKind::Loop;
  loop.function = "xdp_lb";
  loop.parent = 2;
  m.sections.push_back(loop);
  std::string log = "; h += i; @ lb.inxpect.c:51\n0: (07) r1 += 1\n1: (07) r1 += 1\n"
                    "; return h; @ lb.inxpect.c:16\n2: (07) r1 += 1\n";
  std::string report = describeVerifierCost(attributeVerifierLog(log, m), m, "xdp_lb", 5);
  EXPECT_NE(report.find("67%  xdp_lb_loop_50 (loop), 1 walks"), std::string::npos) << report;
  EXPECT_NE(report.find("  inxpect-instrument --per-function lb.c"), std::string::npos) << report;
}

TEST(VerifierCost, WithoutAManifestTheCostliestLines) {
  auto lines = costliestLines(kLog, 2);
  ASSERT_EQ(lines.size(), 2u);
  // Two instructions each, then by name.
  EXPECT_EQ(lines[0], std::make_pair(std::string("inxpect.h:545"), uint64_t(2)));
  EXPECT_EQ(lines[1], std::make_pair(std::string("lb.inxpect.c:16"), uint64_t(2)));
}

TEST(VerifierCost, TheFailedProgramIsTheOneLibbpfNamed) {
  EXPECT_EQ(failedProgram("libbpf: prog 'xdp_lb': BPF program load failed: Argument list too "
                          "long\nlibbpf: prog 'xdp_lb': failed to load: -7\n"),
            "xdp_lb");
  EXPECT_EQ(failedProgram("libbpf: elf: not an ELF\n"), "");
}

} // namespace
