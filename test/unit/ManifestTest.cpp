#include "Manifest.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace inxpect;

namespace {

Manifest sample() {
  Manifest m;
  m.source = "xdp.c";
  m.output = "xdp.inxpect.c";
  Section a;
  a.id = 0;
  a.name = "parse_eth";
  a.function = "parse_eth";
  a.file = "xdp.c";
  a.begin = {12, 1};
  a.end = {30, 1};
  Section b = a;
  b.id = 1;
  b.name = "xdp_main";
  b.function = "xdp_main";
  b.begin = {32, 1};
  b.end = {40, 1};
  m.sections = {a, b};
  return m;
}

} // namespace

TEST(Manifest, RoundTripsThroughJson) {
  Manifest m = sample();
  Manifest back = manifestFromJson(toJson(m));
  ASSERT_EQ(back.sections.size(), 2u);
  EXPECT_EQ(back.source, "xdp.c");
  EXPECT_EQ(back.output, "xdp.inxpect.c");
  EXPECT_EQ(back.sections[1].name, "xdp_main");
  EXPECT_EQ(back.sections[1].begin.line, 32u);
  EXPECT_EQ(back.sections[0].end.col, 1u);
  EXPECT_FALSE(back.sections[0].parent.has_value());
  EXPECT_EQ(manifestHash(back), manifestHash(m));
}

TEST(Manifest, UsesTheSchemaFieldNames) {
  nlohmann::ordered_json j = toJson(sample());
  EXPECT_EQ(j["inxpect_manifest"], 1);
  const auto &s = j["sections"][0];
  EXPECT_EQ(s["id"], 0);
  EXPECT_EQ(s["kind"], "function");
  EXPECT_EQ(s["function"], "parse_eth");
  EXPECT_EQ(s["file"], "xdp.c");
  EXPECT_EQ(s["begin"]["line"], 12);
  EXPECT_TRUE(s["parent"].is_null());
}

TEST(Manifest, SectionWithoutAFileIsInTheSource) {
  // Manifests from before headers had sections: every section is the source's.
  auto j = toJson(sample());
  j["sections"][1].erase("file");
  j["sections"][0]["file"] = "lib/parse.h";
  Manifest m = manifestFromJson(j);
  EXPECT_EQ(m.sections[0].file, "lib/parse.h");
  EXPECT_EQ(m.sections[1].file, "xdp.c");
}

TEST(Manifest, RejectsIdsThatAreNotDense) {
  nlohmann::ordered_json j = toJson(sample());
  j["sections"][1]["id"] = 5;
  EXPECT_THROW(manifestFromJson(j), ManifestError);
}

TEST(Manifest, RejectsDuplicateNames) {
  nlohmann::ordered_json j = toJson(sample());
  j["sections"][1]["name"] = "parse_eth";
  EXPECT_THROW(manifestFromJson(j), ManifestError);
}

TEST(Manifest, RejectsUnknownKindAndBadParent) {
  nlohmann::ordered_json j = toJson(sample());
  j["sections"][0]["kind"] = "lambda";
  EXPECT_THROW(manifestFromJson(j), ManifestError);
  j = toJson(sample());
  j["sections"][0]["parent"] = 7;
  EXPECT_THROW(manifestFromJson(j), ManifestError);
}

TEST(Manifest, RejectsAnotherSchemaVersion) {
  nlohmann::ordered_json j = toJson(sample());
  j["inxpect_manifest"] = 2;
  try {
    manifestFromJson(j);
    FAIL() << "version 2 accepted";
  } catch (const ManifestError &e) {
    EXPECT_NE(std::string(e.what()).find("version"), std::string::npos);
  }
}

TEST(Manifest, SelfDescriptionCarriesNamesKindsAndHash) {
  Manifest m = sample();
  m.sections[1].parent = 0;
  std::string self = selfDescription(m);
  Manifest back = manifestFromSelfDescription(self);
  ASSERT_EQ(back.sections.size(), 2u);
  EXPECT_EQ(back.sections[0].name, "parse_eth");
  EXPECT_EQ(back.sections[1].parent, 0u);
  EXPECT_EQ(hashFromSelfDescription(self), manifestHash(m));
  EXPECT_EQ(manifestHash(back), manifestHash(m));
}

TEST(Manifest, HashChangesWhenASectionChanges) {
  Manifest a = sample(), b = sample();
  b.sections[1].name = "xdp_other";
  EXPECT_NE(manifestHash(a), manifestHash(b));
}

// The license and whether the probes read the clock only travel in the
// manifest and in the object's own table; older ones, without the fields,
// read as GPL-built probes.
TEST(Manifest, LicenseAndClockOnlyRoundTrip) {
  Manifest m = sample();
  m.license = "BSD";
  m.clockOnly = true;
  nlohmann::ordered_json j = toJson(m);
  EXPECT_EQ(j["license"], "BSD");
  EXPECT_EQ(j["clock_only"], true);
  Manifest back = manifestFromJson(j);
  EXPECT_EQ(back.license, "BSD");
  EXPECT_TRUE(back.clockOnly);
  Manifest self = manifestFromSelfDescription(selfDescription(m));
  EXPECT_EQ(self.license, "BSD");
  EXPECT_TRUE(self.clockOnly);
  EXPECT_EQ(clockOnlyReason(m), "the program's license \"BSD\" is not GPL-compatible");
  m.license.reset();
  EXPECT_TRUE(toJson(m)["license"].is_null());
  EXPECT_EQ(clockOnlyReason(m), "the program has no license");

  j.erase("license");
  j.erase("clock_only");
  back = manifestFromJson(j);
  EXPECT_FALSE(back.license.has_value());
  EXPECT_FALSE(back.clockOnly);
  j["clock_only"] = "yes";
  EXPECT_THROW(manifestFromJson(j), ManifestError);
}

// A license is the program's bytes: one that is not UTF-8 is written with
// U+FFFD, not refused.
TEST(Manifest, LicenseThatIsNotUtf8StillWrites) {
  Manifest m = sample();
  m.license = std::string("GPL\xff", 4);
  EXPECT_NE(formatManifest(m).find("\"license\": \"GPL\xef\xbf\xbd\""), std::string::npos);
  EXPECT_NO_THROW(selfDescription(m));
}
