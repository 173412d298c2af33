// The live table on a terminal (a pseudo-terminal here): keys sort it,
// switch a section off in the running program and quit; quitting ends the
// session as Ctrl-C does (final report, program put back or detached) and
// gives the terminal back whichever way the session ends.
#include <csignal>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "LiveFixture.h"
#include "OtherLoader.h"
#include "PseudoTerminal.h"
#include "VethPair.h"

namespace {

// What the screen always draws: the keys line. Keys typed before it is up
// would find no selection yet.
const char kScreenUp[] = "q quit";

struct FinalRow {
  std::string name;
  bool off = false;
  uint64_t count = 0;
};

// The rows of the final table, printed plainly after the screen closed,
// in the order printed.
std::vector<FinalRow> finalRows(const std::string &terminalText) {
  std::vector<FinalRow> rows;
  std::size_t at = terminalText.rfind("final after");
  if (at == std::string::npos)
    return rows;
  std::istringstream lines(terminalText.substr(at));
  static const std::regex row(R"(^\s*\d+\s+(\S+)( \(off\))?\s+function\s+(\d+)\s.*)");
  std::smatch m;
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    if (std::regex_match(line, m, row))
      rows.push_back({m[1], m[2].matched, std::stoull(m[3])});
  }
  return rows;
}

unsigned sectionId(const std::string &manifestPath, const std::string &name) {
  nlohmann::json manifest = nlohmann::json::parse(e2e::readFile(manifestPath));
  for (const auto &s : manifest["sections"])
    if (s["name"] == name)
      return s["id"];
  ADD_FAILURE() << "no section " << name << " in " << manifestPath;
  return 0;
}

class LiveScreen : public e2e::LiveProgramTest {
protected:
  std::string runner(const std::string &args) const {
    return std::string(E2E_BIN_DIR) + "/inxpect-run " + args + " --interval 0.2 2>" + dir_ + "/err";
  }
};

TEST_F(LiveScreen, KeysSortAndSwitchASectionOffThenQuitPutsTheProgramBack) {
  e2e::VethPair veth("scr");
  ASSERT_FALSE(HasFatalFailure());
  e2e::OtherLoader loader(built_.instrumented, veth.hostDevice());
  ASSERT_FALSE(HasFatalFailure());
  unsigned echo = sectionId(built_.manifest, "count_echo");
  ASSERT_LT(echo, 3u) << "the test needs count_echo before another section in the tree order";
  auto before = loader.counters();

  e2e::PseudoTerminal terminal(runner("attach --prog-id " + std::to_string(loader.programId())),
                               "xterm");
  ASSERT_TRUE(terminal.waitForOutput(kScreenUp, 20)) << terminal.output() << e2e::readFile(dir_ + "/err");
  veth.ping(3);
  // The tree order, the selection on its first row: down to count_echo, off.
  terminal.type("n" + std::string(echo, 'j') + " ");
  nlohmann::json during;
  for (int i = 0; i < 100; ++i) {
    during = e2e::configOf(loader.object());
    if (during["inxpect_section_off"][echo] != 0)
      break;
    usleep(50000);
  }
  ASSERT_NE(during["inxpect_section_off"][echo], 0) << "space did not switch count_echo off: "
                                                    << during.dump();
  for (std::size_t id = 0; id < during["inxpect_section_off"].size(); ++id) {
    if (id != echo) {
      EXPECT_EQ(during["inxpect_section_off"][id], 0) << "only the selected section: " << id;
    }
  }
  veth.ping(2);
  terminal.type("cq");
  ASSERT_EQ(terminal.wait(15), 0) << terminal.output() << e2e::readFile(dir_ + "/err");
  auto after = loader.counters();

  EXPECT_TRUE(terminal.inLineMode()) << "the terminal was not given back";
  e2e::expectDefaults(e2e::configOf(loader.object()));
  EXPECT_EQ(after["count_echo"] - before["count_echo"], 5u) << "the program ran it all along";
  std::vector<FinalRow> rows = finalRows(terminal.output());
  ASSERT_EQ(rows.size(), 4u) << terminal.output();
  // By count, largest first, equal counts in the tree order: count_echo
  // counted only its first 3 entries.
  const std::vector<std::string> expected = {"classify", "tail_work", "xdp_tail", "count_echo"};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].name, expected[i]) << terminal.output();
    EXPECT_EQ(rows[i].count, rows[i].name == "count_echo" ? 3u : 5u) << rows[i].name;
    EXPECT_EQ(rows[i].off, rows[i].name == "count_echo") << rows[i].name;
  }
}

// q and Ctrl-C (SIGINT from the terminal, as the screen keeps it) both end
// a run with its final report, nothing attached and the terminal in line
// mode again.
TEST_F(LiveScreen, QuitAndCtrlCDetachAndGiveTheTerminalBack) {
  e2e::VethPair veth("scq");
  ASSERT_FALSE(HasFatalFailure());
  for (const std::string keys : {"q", "\x03"}) {
    SCOPED_TRACE(keys == "q" ? "q" : "Ctrl-C");
    e2e::PseudoTerminal terminal(runner("run " + built_.instrumented + " --prog xdp_live --dev " +
                                        veth.hostDevice()),
                                 "xterm");
    ASSERT_TRUE(terminal.waitForOutput(kScreenUp, 20)) << terminal.output()
                                                       << e2e::readFile(dir_ + "/err");
    EXPECT_FALSE(terminal.inLineMode()) << "the screen reads keys one at a time";
    EXPECT_NE(veth.xdpOnHostDevice(), "");
    veth.ping(2);
    terminal.type(keys);
    ASSERT_EQ(terminal.wait(15), 0) << terminal.output() << e2e::readFile(dir_ + "/err");
    EXPECT_TRUE(terminal.inLineMode());
    EXPECT_EQ(veth.xdpOnHostDevice(), "") << "left attached";
    std::vector<FinalRow> rows = finalRows(terminal.output());
    ASSERT_EQ(rows.size(), 4u) << terminal.output();
    EXPECT_EQ(rows[0].name, "classify") << "the tree order when no key sorted it";
    EXPECT_EQ(rows[0].count, 2u);
  }
}

// Ctrl-\ raises SIGQUIT, which kills with no destructor run: the terminal
// is put back all the same; the bpf_link goes with the process.
TEST_F(LiveScreen, AFatalSignalStillGivesTheTerminalBack) {
  e2e::VethPair veth("scf");
  ASSERT_FALSE(HasFatalFailure());
  e2e::PseudoTerminal terminal(runner("run " + built_.instrumented + " --prog xdp_live --dev " +
                                      veth.hostDevice()),
                               "xterm");
  ASSERT_TRUE(terminal.waitForOutput(kScreenUp, 20)) << terminal.output();
  EXPECT_FALSE(terminal.inLineMode());
  std::size_t drawn = terminal.output().size();
  terminal.type("\x1c");
  EXPECT_EQ(terminal.wait(15), 128 + SIGQUIT) << terminal.output();
  EXPECT_TRUE(terminal.inLineMode());
  EXPECT_NE(terminal.output().find("\033[?1049l", drawn), std::string::npos)
      << "the screen's page was not left: " << terminal.output().substr(drawn);
  std::string left;
  for (int i = 0; i < 50 && !(left = veth.xdpOnHostDevice()).empty(); ++i)
    usleep(20000);
  EXPECT_EQ(left, "") << "left attached";
}

// The session ended from under the screen (its program unloaded), stderr
// on the same terminal: what was said while the screen was up is printed
// once it is gone (xterm's screen left: rmcup), before the final table, on
// a terminal in line mode.
TEST_F(LiveScreen, AProgramUnloadedUnderTheScreenEndsItAndTheNoteFollows) {
  e2e::VethPair veth("scu");
  ASSERT_FALSE(HasFatalFailure());
  e2e::OtherLoader loader(built_.instrumented, veth.hostDevice());
  ASSERT_FALSE(HasFatalFailure());
  e2e::PseudoTerminal terminal(std::string(E2E_BIN_DIR) + "/inxpect-run attach --prog-id " +
                                   std::to_string(loader.programId()) + " --interval 0.2",
                               "xterm");
  ASSERT_TRUE(terminal.waitForOutput(kScreenUp, 20)) << terminal.output();
  veth.ping(2);
  loader.unload();
  ASSERT_EQ(terminal.wait(15), 0) << terminal.output();
  EXPECT_TRUE(terminal.inLineMode());
  const std::string &text = terminal.output();
  std::size_t left = text.rfind("\033[?1049l");
  std::size_t note = text.rfind("was unloaded: the profile ends here");
  std::size_t final = text.rfind("final after");
  ASSERT_NE(left, std::string::npos) << text;
  ASSERT_NE(note, std::string::npos) << text;
  ASSERT_NE(final, std::string::npos) << text;
  EXPECT_LT(left, note) << "held while the screen was up, printed once it is gone";
  EXPECT_LT(note, final) << text;
  EXPECT_EQ(finalRows(text).at(0).count, 2u) << text;
}

// A terminal without a screen of its own (TERM=dumb) and --no-curses get
// the plain table redrawn in place, which takes no keys.
TEST_F(LiveScreen, DumbTerminalsAndNoCursesGetThePlainRedraw) {
  e2e::VethPair veth("scd");
  ASSERT_FALSE(HasFatalFailure());
  const std::string run = "run " + built_.instrumented + " --prog xdp_live --dev " +
                          veth.hostDevice() + " --duration 1";
  for (const auto &[term, extra] : {std::pair<std::string, std::string>{"dumb", ""},
                                    {"xterm", " --no-curses"}}) {
    SCOPED_TRACE(term + extra);
    e2e::PseudoTerminal terminal(runner(run + extra), term);
    ASSERT_EQ(terminal.wait(20), 0) << terminal.output() << e2e::readFile(dir_ + "/err");
    EXPECT_NE(terminal.output().find("\033[H\033[J"), std::string::npos) << terminal.output();
    EXPECT_EQ(terminal.output().find(kScreenUp), std::string::npos) << "no keys line";
    EXPECT_NE(terminal.output().find("final after"), std::string::npos);
  }
}

} // namespace
