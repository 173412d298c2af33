#include "RunError.h"
#include "profile/SectionTable.h"

#include <cstdio>
#include <fstream>
#include <unistd.h>

#include <gtest/gtest.h>

using namespace inxpect;

namespace {

Section section(unsigned id, const char *name, SectionKind kind, std::optional<unsigned> parent) {
  Section s;
  s.id = id;
  s.name = name;
  s.kind = kind;
  s.function = "xdp_main";
  s.file = "xdp.c";
  s.begin = {1 + id, 1};
  s.end = {10 + id, 1};
  s.parent = parent;
  return s;
}

// xdp_main > parse_loop > l4_region, and a top-level helper.
Manifest nested() {
  Manifest m;
  m.source = "xdp.c";
  m.output = "xdp.inxpect.c";
  m.sections = {section(0, "xdp_main", SectionKind::Function, std::nullopt),
                section(1, "parse_loop", SectionKind::Loop, 0u),
                section(2, "l4_region", SectionKind::Region, 1u),
                section(3, "helper", SectionKind::Function, std::nullopt)};
  return m;
}

std::string writeTemp(const std::string &text) {
  char path[] = "/tmp/inxpect-run-test-XXXXXX";
  int fd = mkstemp(path);
  EXPECT_GE(fd, 0);
  close(fd);
  std::ofstream(path) << text;
  return path;
}

EmbeddedSections embeddedFor(const Manifest &m) {
  return {"xdp.o", selfDescription(m), manifestHash(m), unsigned(m.sections.size())};
}

std::string runError(const EmbeddedSections &e, const std::optional<std::string> &manifest) {
  try {
    resolveSectionTable(e, manifest);
  } catch (const RunError &err) {
    return err.what();
  }
  return "";
}

} // namespace

TEST(RunSectionTable, DepthFollowsParents) {
  SectionTable t = SectionTable::fromManifest(nested());
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t.rows()[0].depth, 0u);
  EXPECT_EQ(t.rows()[1].depth, 1u);
  EXPECT_EQ(t.rows()[2].depth, 2u);
  EXPECT_EQ(t.rows()[3].depth, 0u);
  EXPECT_EQ(t.rows()[1].kind, "loop");
  EXPECT_EQ(t.rows()[2].kind, "region");
  EXPECT_EQ(t.rows()[2].parent.value_or(99), 1u);
  EXPECT_FALSE(t.rows()[3].parent.has_value());
}

TEST(RunSectionTable, RejectsParentCycles) {
  Manifest m = nested();
  m.sections[0].parent = 2; // 0 -> 2 -> 1 -> 0
  EXPECT_THROW(SectionTable::fromManifest(m), RunError);
}

TEST(RunSectionTable, NamesFromTheEmbeddedTable) {
  SectionTable t = resolveSectionTable(embeddedFor(nested()), std::nullopt);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t.rows()[2].name, "l4_region");
  EXPECT_EQ(t.rows()[2].depth, 2u);
}

TEST(RunSectionTable, AcceptsTheMatchingManifest) {
  Manifest m = nested();
  std::string path = writeTemp(formatManifest(m));
  SectionTable t = resolveSectionTable(embeddedFor(m), path);
  EXPECT_EQ(t.rows()[3].name, "helper");
  std::remove(path.c_str());
}

TEST(RunSectionTable, RejectsAManifestFromAnotherRewrite) {
  Manifest other = nested();
  other.sections[3].name = "helper_v2";
  std::string path = writeTemp(formatManifest(other));
  std::string err = runError(embeddedFor(nested()), path);
  EXPECT_NE(err.find("xdp.o and " + path + " do not match"), std::string::npos) << err;
  EXPECT_NE(err.find("pass the manifest written with this object"), std::string::npos);
  std::remove(path.c_str());
}

TEST(RunSectionTable, RejectsATableOfTheWrongSize) {
  EmbeddedSections e = embeddedFor(nested());
  e.nsections = 3;
  EXPECT_NE(runError(e, std::nullopt).find("names 4 sections but xdp.o has 3"), std::string::npos);
}

TEST(RunSectionTable, DamagedEmbeddedTableSuggestsTheManifest) {
  EmbeddedSections e = embeddedFor(nested());
  e.selfDescription = "{not json";
  EXPECT_NE(runError(e, std::nullopt).find("--manifest"), std::string::npos);
}
