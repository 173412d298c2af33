// The troff both man pages are rendered to: text escaped so that troff shows
// it as written, options bold, metavariables italic.
#include "BashCompletion.h"
#include "ManPage.h"

#include <gtest/gtest.h>

using namespace inxpect;

namespace {

std::string pageWith(ManBlock block) {
  ManPage page{"tool", "does things", "inxpect 1.2.3", {"run OBJ (--pcap FILE | --synthetic N) [options]"},
               {{"OPTIONS", {block}}}};
  return renderTroff(page, "2026-01-02");
}

} // namespace

TEST(ManPage, HeaderNameAndSynopsis) {
  std::string page = pageWith({});
  EXPECT_NE(page.find(".TH \"TOOL\" 1 \"2026-01-02\" \"inxpect 1.2.3\" \"User Commands\"\n"),
            std::string::npos);
  EXPECT_NE(page.find(".SH NAME\ntool \\- does things\n"), std::string::npos);
  // Spaces inside a group do not break: \~.
  EXPECT_NE(page.find("\\fBtool\\fR \\fBrun\\fR \\fIOBJ\\fR (\\fB\\-\\-pcap\\fR\\~\\fIFILE\\fR\\~|\\~"
                      "\\fB\\-\\-synthetic\\fR\\~\\fIN\\fR) [\\fIoptions\\fR]\n"),
            std::string::npos)
      << page;
}

TEST(ManPage, TextIsEscapedAndOptionsInItAreBold) {
  ManBlock block;
  block.paragraphs = {".starts with a dot", "see --sample 16 (or -target bpf), 64-1500 bytes, a\\b"};
  std::string page = pageWith(block);
  EXPECT_NE(page.find("\n\\&.starts with a dot\n"), std::string::npos) << page;
  EXPECT_NE(page.find("see \\fB\\%\\-\\-sample\\fR 16 (or \\fB\\%\\-target\\fR bpf), 64\\-1500 bytes, "
                      "a\\eb\n"),
            std::string::npos)
      << page;
}

TEST(ManPage, EntriesTakeTheirArgumentAfterASpaceOrAnEquals) {
  ManBlock block;
  block.entries = {{"--sample", "N", "every Nth run"}, {"--functions", "=REGEX", "which ones"}};
  block.commands = {"inxpect-run replay x.o --synthetic 10"};
  std::string page = pageWith(block);
  EXPECT_NE(page.find(".TP\n\\fB\\-\\-sample\\fR \\fIN\\fR\nevery Nth run\n"), std::string::npos);
  EXPECT_NE(page.find(".TP\n\\fB\\-\\-functions\\fR=\\fIREGEX\\fR\nwhich ones\n"), std::string::npos);
  EXPECT_NE(page.find(".nf\ninxpect\\-run replay x.o \\-\\-synthetic 10\n.fi\n"), std::string::npos);
}

TEST(ManPage, FragmentsBecomeSentences) {
  EXPECT_EQ(asSentence("take the clock"), "Take the clock.");
  EXPECT_EQ(asSentence("Already one."), "Already one.");
}

TEST(BashCompletion, OneFunctionATool) {
  EXPECT_EQ(completionFunction("inxpect-run"), "_inxpect_run");
  std::string script = renderBashCompletion({"inxpect-run", {{"--help", false, {}}}, {}, false});
  EXPECT_NE(script.find("complete -o default -F _inxpect_run inxpect-run\n"), std::string::npos);
}
