// What a comment says to inxpect-instrument: the annotation grammar.
#include <gtest/gtest.h>

#include "Annotations.h"

using namespace inxpect;

TEST(Annotations, OrdinaryCommentsAreNotAnnotations) {
  EXPECT_FALSE(parseAnnotationComment("// parse the header").isAnnotation);
  EXPECT_FALSE(parseAnnotationComment("/* see inxpect:region below */").isAnnotation);
  EXPECT_FALSE(parseAnnotationComment("// INXPECT:region x").isAnnotation);
}

TEST(Annotations, LineAndBlockCommentsCarryMarkers) {
  ParsedComment region = parseAnnotationComment("// inxpect:region parse_eth");
  ASSERT_TRUE(region.isAnnotation);
  EXPECT_TRUE(region.error.empty());
  EXPECT_EQ(region.kind, MarkerKind::Region);
  EXPECT_EQ(region.name, "parse_eth");

  ParsedComment begin = parseAnnotationComment("/* inxpect:begin lookup */");
  EXPECT_EQ(begin.kind, MarkerKind::Begin);
  EXPECT_EQ(begin.name, "lookup");

  ParsedComment end = parseAnnotationComment("/*inxpect:end lookup*/");
  EXPECT_EQ(end.kind, MarkerKind::End);
  EXPECT_EQ(end.name, "lookup");
}

TEST(Annotations, WordsAfterTheNameAreCommentary) {
  ParsedComment c = parseAnnotationComment("// inxpect:region hash  the four row hashes");
  EXPECT_TRUE(c.error.empty()) << c.error;
  EXPECT_EQ(c.name, "hash");
}

TEST(Annotations, MalformedOnesSayWhy) {
  EXPECT_NE(parseAnnotationComment("// inxpect:regoin x").error.find("unknown annotation"),
            std::string::npos);
  EXPECT_NE(parseAnnotationComment("// inxpect:begin").error.find("needs a name"),
            std::string::npos);
  EXPECT_NE(parseAnnotationComment("// inxpect:region my-region").error.find("not a C identifier"),
            std::string::npos);
  EXPECT_NE(parseAnnotationComment("// inxpect:region 9lives").error.find("not a C identifier"),
            std::string::npos);
}
