// The rewriter's small pieces, without clang's front end: where the include
// goes, default names, the text it inserts and the order it goes in.
#include <gtest/gtest.h>

#include "IncludePlacement.h"
#include "Insertions.h"
#include "OwnHeaders.h"
#include "ProbeText.h"
#include "ProgramLicense.h"
#include "ToolDefaults.h"

using namespace inxpect;

namespace {

clang::LangOptions cLanguage() {
  clang::LangOptions lang;
  lang.C11 = true;
  lang.LineComment = true;
  return lang;
}

const std::string kInclude = "#include \"inxpect.h\"";

// `code` with `directives` placed before `limit` (default: its end).
std::string placed(llvm::StringRef code, std::vector<OffsetRange> decls = {},
                   std::vector<std::string> directives = {kInclude},
                   std::optional<unsigned> limit = {}) {
  auto insertions = placePreamble(SourceTokens(code, cLanguage()),
                                  limit.value_or(static_cast<unsigned>(code.size())), decls,
                                  directives, "/src/x.c");
  return llvm::cantFail(applyInsertions(code, insertions));
}

} // namespace

TEST(IncludePlacement, TakesACommentOnlyLine) {
  EXPECT_EQ(placed("// SPDX\nint x;\n"), kInclude + " // SPDX\nint x;\n");
  EXPECT_EQ(placed("/* one line */\nint x;\n"), kInclude + " /* one line */\nint x;\n");
}

TEST(IncludePlacement, SkipsCodeAndMultiLineComments) {
  EXPECT_EQ(placed("int a;\n/* two\n lines */\n\nint b;\n"),
            "int a;\n/* two\n lines */\n" + kInclude + "\nint b;\n");
}

TEST(IncludePlacement, SkipsConditionalBlocksAndContinuations) {
  // The blank line inside #ifdef and the one after the backslash are not free.
  EXPECT_EQ(placed("#ifdef X\n\n#endif\n#define M \\\n\nint y;\n\n"),
            "#ifdef X\n\n#endif\n#define M \\\n\nint y;\n" + kInclude + "\n");
}

TEST(IncludePlacement, SkipsLinesInsideDeclarations) {
  llvm::StringRef code = "struct s {\n\n int a;\n};\n\nint z;\n";
  unsigned structEnd = static_cast<unsigned>(code.find("};") + 2);
  EXPECT_EQ(placed(code, {{0, structEnd}}), "struct s {\n\n int a;\n};\n" + kInclude + "\nint z;\n");
}

TEST(IncludePlacement, OneFreeLineADirectiveInOrder) {
  EXPECT_EQ(placed("\nint a;\n\nint b;\n", {}, {"#define A 1", kInclude}),
            "#define A 1\nint a;\n" + kInclude + "\nint b;\n");
}

// Without a free line, the directives get lines of their own and #line
// numbers the next line as it was, in the original source.
TEST(IncludePlacement, LinesOfTheirOwnThenLineDirective) {
  llvm::StringRef code = "int a;\nint f(void) { return 0; }\n\n";
  unsigned f = static_cast<unsigned>(code.find("int f"));
  EXPECT_EQ(placed(code, {{0, 6}, {f, f + 25}}, {kInclude}, f),
            "int a;\n" + kInclude + "\n#line 2 \"/src/x.c\"\nint f(void) { return 0; }\n\n");
  // Not enough free lines for both: all of them together.
  EXPECT_EQ(placed("\nint f(void);\n", {}, {"#define A 1", kInclude}, 1),
            "\n#define A 1\n" + kInclude + "\n#line 2 \"/src/x.c\"\nint f(void);\n");
}

// The line the limit is on starts inside a declaration (or a comment): the
// directives go right before the limit, after a line break.
TEST(IncludePlacement, MidLineWhenTheLineStartsInsideSomething) {
  llvm::StringRef code = "struct s {\n int a; }; int f(void);\n";
  unsigned f = static_cast<unsigned>(code.find("int f"));
  EXPECT_EQ(placed(code, {{0, f - 2}, {f, f + 12}}, {kInclude}, f),
            "struct s {\n int a; }; \n" + kInclude + "\n#line 2 \"/src/x.c\"\nint f(void);\n");
  llvm::StringRef comment = "/* a\n b */ int f(void);\n";
  unsigned g = static_cast<unsigned>(comment.find("int f"));
  EXPECT_EQ(placed(comment, {}, {kInclude}, g),
            "/* a\n b */ \n" + kInclude + "\n#line 2 \"/src/x.c\"\nint f(void);\n");
}

TEST(SourceTokens, KnowDirectivesAndConditionalDepth) {
  SourceTokens tokens("#ifdef A\nint x;\n#endif\nint y;\n", cLanguage());
  std::vector<std::string> seen;
  for (const RawToken &t : tokens.tokens())
    seen.push_back(tokens.text(t).str() + (t.inDirective ? "#" : "") +
                   std::to_string(t.conditionalDepth));
  EXPECT_EQ(seen, (std::vector<std::string>{"##0", "ifdef#0", "A#0", "int1", "x1", ";1", "##1",
                                            "endif#1", "int0", "y0", ";0"}));
}

TEST(ToolDefaults, OutputsGoBesideTheInput) {
  EXPECT_EQ(defaultOutputPath("dir/xdp.c"), "dir/xdp.inxpect.c");
  EXPECT_EQ(defaultOutputPath("prog.bpf"), "prog.bpf.inxpect.c");
  EXPECT_EQ(defaultManifestPath("dir/xdp.inxpect.c"), "dir/xdp.inxpect.json");
  EXPECT_EQ(defaultManifestPath("out"), "out.json");
}

TEST(OwnHeaders, RewriteNamesAndPathsBetweenThem) {
  EXPECT_EQ(rewrittenHeaderName("parse.h"), "parse.inxpect.h");
  EXPECT_EQ(rewrittenHeaderName("x.bpf.h"), "x.bpf.inxpect.h");
  EXPECT_EQ(rewrittenHeaderName("noext"), "noext.inxpect");
  EXPECT_EQ(relativePath("/a/src", "/a/src/lib/x.h"), "lib/x.h");
  EXPECT_EQ(relativePath("/a/src", "/a/common/x.h"), "../common/x.h");
  EXPECT_EQ(relativePath("/a/src/lib", "/a/src/y.h"), "../y.h");
}

TEST(ProbeText, CStringLiteralEscapes) {
  EXPECT_EQ(cStringLiteral("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(cStringLiteral(std::string("x\ny", 3)), "\"x\\012y\"");
}

TEST(ProbeText, ProbesNameTheirMacros) {
  ProbeSite site;
  site.id = sourceProbeId(7);
  EXPECT_EQ(openingProbe(site), "INXPECT_FUNCTION(7);");
  site.entry = true;
  EXPECT_EQ(openingProbe(site), "INXPECT_ENTRY(7);");
  EXPECT_EQ(runStart(), "INXPECT_RUN();");
  site.id = headerProbeId("lib/parse.h:parse_eth.for@12");
  EXPECT_EQ(openingProbe(site), "INXPECT_ENTRY(inxpect_id_lib_parse_h_parse_eth_for_12);");
  EXPECT_EQ(headerIdEnum({{"inxpect_id_a_h_f", 1}, {"inxpect_id_a_h_g", 2}}),
            "enum { inxpect_id_a_h_f = 1, inxpect_id_a_h_g = 2 };");
  EXPECT_EQ(preamble({}), std::vector<std::string>{"#include \"inxpect.h\""});
  EXPECT_EQ(preamble({/*clockOnly=*/true, /*programTraceMacros=*/true}),
            (std::vector<std::string>{"#define INXPECT_CLOCK_ONLY 1",
                                      "#define INXPECT_NO_TRACE_MACROS 1",
                                      "#include \"inxpect.h\""}));
}

TEST(ProbeText, ObjectTailStartsOnAFreshLineAndCarriesTheHash) {
  Manifest m;
  Section s;
  s.name = "f";
  s.function = "f";
  m.sections = {s};
  std::string tail = objectTail(m, /*codeEndsWithNewline=*/false);
  EXPECT_EQ(tail.rfind("\n\n", 0), 0u) << "must not join the last line";
  EXPECT_NE(tail.find("INXPECT_OBJECT(1, 0x"), std::string::npos);
  char hash[32];
  std::snprintf(hash, sizeof hash, "0x%016llx", static_cast<unsigned long long>(manifestHash(m)));
  EXPECT_NE(tail.find(hash), std::string::npos);
}

TEST(ProbeText, InsertionsLandAtTheirOffsetsInOrder) {
  auto ok = applyInsertions("abc", {{1, "X"}, {3, "Y"}, {1, "Z"}});
  ASSERT_TRUE(static_cast<bool>(ok));
  // Two insertions at one offset keep the order they were planned in.
  EXPECT_EQ(*ok, "aXZbcY");
}

TEST(Insertions, ClosersThenOpenersNestAtOneOffset) {
  // Section 0 holds section 1, and a diverted return's block wraps section 0.
  auto ok = applyInsertions(
      "ab", {{1, "{1 ", {Phase::SectionOpen, 1}},
             {1, "}0 ", {Phase::SectionClose, 0}},
             {1, "probe ", {Phase::Standalone}},
             {1, "{0 ", {Phase::SectionOpen, 0}},
             {1, "}1 ", {Phase::SectionClose, 1}},
             {1, "block{0 ", {Phase::SectionOpen, 0, Layer::DivertedBlock}},
             {1, "}0block ", {Phase::SectionClose, 0, Layer::DivertedBlock}}});
  ASSERT_TRUE(static_cast<bool>(ok));
  EXPECT_EQ(*ok, "a}1 }0 }0block probe block{0 {0 {1 b");
}

// The kernel's list, compared as the kernel does: whole strings, case and all.
TEST(ProgramLicense, GplCompatibleIsTheKernelsList) {
  for (const char *gpl : {"GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL",
                          "Dual MIT/GPL", "Dual MPL/GPL"})
    EXPECT_TRUE(isGplCompatible(gpl)) << gpl;
  for (const char *other : {"", "BSD", "MIT", "Proprietary", "GPL-2.0", "gpl", "Dual BSD/GPL "})
    EXPECT_FALSE(isGplCompatible(other)) << other;
}
