// The rewriter's small pieces, without clang's front end: where the include
// goes, default names, the text it inserts and the order it goes in.
#include <gtest/gtest.h>

#include "IncludePlacement.h"
#include "Insertions.h"
#include "ProbeText.h"
#include "ToolDefaults.h"

using namespace inxpect;

namespace {

clang::LangOptions cLanguage() {
  clang::LangOptions lang;
  lang.C11 = true;
  lang.LineComment = true;
  return lang;
}

std::optional<unsigned> includeAt(llvm::StringRef code, std::vector<OffsetRange> decls = {}) {
  return findIncludeOffset(SourceTokens(code, cLanguage()), static_cast<unsigned>(code.size()),
                           decls);
}

} // namespace

TEST(IncludePlacement, TakesACommentOnlyLine) {
  EXPECT_EQ(includeAt("// SPDX\nint x;\n"), 0u);
  EXPECT_EQ(includeAt("/* one line */\nint x;\n"), 0u);
}

TEST(IncludePlacement, SkipsCodeAndMultiLineComments) {
  llvm::StringRef code = "int a;\n/* two\n lines */\n\nint b;\n";
  EXPECT_EQ(includeAt(code), code.find("\n\n") + 1);
}

TEST(IncludePlacement, SkipsConditionalBlocksAndContinuations) {
  llvm::StringRef code = "#ifdef X\n\n#endif\n#define M \\\n\nint y;\n\n";
  // The blank line inside #ifdef and the one after the backslash are not free.
  EXPECT_EQ(includeAt(code), code.rfind("\n\n") + 1);
}

TEST(IncludePlacement, SkipsLinesInsideDeclarations) {
  llvm::StringRef code = "struct s {\n\n int a;\n};\n\nint z;\n";
  unsigned structEnd = static_cast<unsigned>(code.find("};") + 2);
  EXPECT_EQ(includeAt(code, {{0, structEnd}}), code.find("\n\nint z") + 1);
}

TEST(IncludePlacement, NoneBeforeTheLimit) {
  llvm::StringRef code = "int a;\nint f(void) { return 0; }\n\n";
  EXPECT_FALSE(findIncludeOffset(SourceTokens(code, cLanguage()),
                                 static_cast<unsigned>(code.find("int f")), {}));
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

TEST(ProbeText, CStringLiteralEscapes) {
  EXPECT_EQ(cStringLiteral("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(cStringLiteral(std::string("x\ny", 3)), "\"x\\012y\"");
}

TEST(ProbeText, ProbesNameTheirMacros) {
  ProbeSite site;
  site.section.id = 7;
  EXPECT_EQ(openingProbe(site), "INXPECT_FUNCTION(7);");
  site.entry = true;
  EXPECT_EQ(openingProbe(site), "INXPECT_ENTRY(7);");
  EXPECT_EQ(runStart(), "INXPECT_RUN();");
  EXPECT_EQ(includeDirective(true), "#include \"inxpect.h\"");
  EXPECT_EQ(includeDirective(false), "#include \"inxpect.h\" ");
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
