// --sections-file: the names it holds, and noticing when it changes.
#include <cstdio>
#include <fstream>
#include <unistd.h>
#include <string>

#include <gtest/gtest.h>

#include "profile/SectionsFile.h"

using inxpect::parseSectionsFile;
using inxpect::SectionsFile;
using Names = std::vector<std::string>;

TEST(RunSectionsFile, NamesBetweenCommasSpacesAndLinesWithComments) {
  EXPECT_EQ(parseSectionsFile("a,b c\n\td\r\n# all of e\nf # not g\n"),
            (Names{"a", "b", "c", "d", "f"}));
  EXPECT_EQ(parseSectionsFile(""), Names{});
  EXPECT_EQ(parseSectionsFile("# nothing\n"), Names{});
}

TEST(RunSectionsFile, AnswersOnceAChange) {
  std::string path = ::testing::TempDir() + "inxpect-sections-" + std::to_string(::getpid());
  std::remove(path.c_str());
  SectionsFile file(path);
  EXPECT_EQ(file.changed(), Names{}) << "missing: every section";
  EXPECT_EQ(file.changed(), std::nullopt);
  std::ofstream(path) << "parse_ipv4\n";
  EXPECT_EQ(file.changed(), Names{"parse_ipv4"});
  EXPECT_EQ(file.changed(), std::nullopt);
  std::ofstream(path) << "";
  EXPECT_EQ(file.changed(), Names{});
  std::remove(path.c_str());
}
