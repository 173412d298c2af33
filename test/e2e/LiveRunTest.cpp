// inxpect-run run on a real interface: a veth pair, real packets (ping),
// counted exactly; nothing left attached after Ctrl-C or SIGKILL; the
// Prometheus endpoint scraped with curl.
#include <csignal>
#include <cstdio>
#include <fstream>
#include <string>

#include <bpf/libbpf.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <sys/socket.h>
#include <unistd.h>

#include "LiveFixture.h"
#include "RequireRoot.h"
#include "Subprocess.h"
#include "VethPair.h"

namespace {

using e2e::countOf;
using e2e::lastJsonLine;
using e2e::readFile;

const char kProfiling[] = "profiling ";

// A TCP port nobody listens on right now, for the Prometheus endpoint.
int freePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
  socklen_t len = sizeof a;
  getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
  close(fd);
  return ntohs(a.sin_port);
}

// Replaces a file at once, as `mv` does: a reader sees the old or the new text.
void writeFileAtomically(const std::string &path, const std::string &text) {
  std::string tmp = path + ".tmp";
  std::ofstream(tmp) << text;
  ASSERT_EQ(std::rename(tmp.c_str(), path.c_str()), 0) << path;
}

class LiveRun : public e2e::LiveProgramTest {
protected:
  std::string run(const std::string &device, const std::string &extra) {
    return std::string(E2E_BIN_DIR) + "/inxpect-run run " + built_.instrumented +
           " --prog xdp_live --dev " + device + " --xdp-mode native " + extra;
  }
};

TEST_F(LiveRun, PingsAreCountedExactly) {
  e2e::VethPair veth("run");
  ASSERT_FALSE(HasFatalFailure());
  e2e::Subprocess runner(run(veth.hostDevice(), "--duration 3 --interval 0.5 --format json"),
                         dir_ + "/out", dir_ + "/err");
  ASSERT_TRUE(runner.waitForStderr(kProfiling, 10)) << runner.stderrText();
  EXPECT_NE(veth.xdpOnHostDevice(), "") << "the program is not attached while profiling";
  veth.ping(7);
  ASSERT_EQ(runner.wait(10), 0) << runner.stderrText();
  std::string out = runner.stdoutText();
  EXPECT_GE(std::count(out.begin(), out.end(), '\n'), 3) << "one line an interval, then a final one";
  nlohmann::json report = lastJsonLine(out);
  EXPECT_EQ(report["type"], "final");
  EXPECT_EQ(report["runs"], 7);
  EXPECT_EQ(countOf(report, "classify"), 7u);
  EXPECT_EQ(countOf(report, "count_echo"), 7u);
  EXPECT_EQ(countOf(report, "xdp_tail"), 0u) << "nothing was put in the jump table";
  EXPECT_EQ(veth.xdpOnHostDevice(), "") << "left attached after --duration";
}

TEST_F(LiveRun, NothingStaysAttachedAfterCtrlC) {
  e2e::VethPair veth("int");
  ASSERT_FALSE(HasFatalFailure());
  e2e::Subprocess runner(run(veth.hostDevice(), "--format json --interval 0.2"), dir_ + "/out",
                         dir_ + "/err");
  ASSERT_TRUE(runner.waitForStderr(kProfiling, 10)) << runner.stderrText();
  veth.ping(3);
  EXPECT_NE(veth.xdpOnHostDevice(), "");
  runner.signal(SIGINT);
  ASSERT_EQ(runner.wait(10), 0) << runner.stderrText();
  nlohmann::json report = lastJsonLine(runner.stdoutText());
  EXPECT_EQ(report["type"], "final") << "Ctrl-C ends with the final report";
  EXPECT_EQ(countOf(report, "count_echo"), 3u);
  EXPECT_EQ(veth.xdpOnHostDevice(), "") << "left attached after SIGINT";
}

TEST_F(LiveRun, NothingStaysAttachedAfterSigterm) {
  e2e::VethPair veth("term");
  ASSERT_FALSE(HasFatalFailure());
  e2e::Subprocess runner(run(veth.hostDevice(), "--format csv"), dir_ + "/out", dir_ + "/err");
  ASSERT_TRUE(runner.waitForStderr(kProfiling, 10)) << runner.stderrText();
  runner.signal(SIGTERM);
  ASSERT_EQ(runner.wait(10), 0) << runner.stderrText();
  EXPECT_NE(runner.stdoutText().find("final,"), std::string::npos) << runner.stdoutText();
  EXPECT_EQ(veth.xdpOnHostDevice(), "") << "left attached after SIGTERM";
}

// No handler runs on SIGKILL: the bpf_link dies with the process's fds.
TEST_F(LiveRun, NothingStaysAttachedAfterSigkill) {
  e2e::VethPair veth("kill");
  ASSERT_FALSE(HasFatalFailure());
  e2e::Subprocess runner(run(veth.hostDevice(), "--format json"), dir_ + "/out", dir_ + "/err");
  ASSERT_TRUE(runner.waitForStderr(kProfiling, 10)) << runner.stderrText();
  EXPECT_NE(veth.xdpOnHostDevice(), "");
  runner.signal(SIGKILL);
  EXPECT_EQ(runner.wait(10), 128 + SIGKILL);
  std::string left;
  for (int i = 0; i < 50 && !(left = veth.xdpOnHostDevice()).empty(); ++i)
    usleep(20000);
  EXPECT_EQ(left, "") << "left attached after SIGKILL";
}

TEST_F(LiveRun, PrometheusEndpointServesTheSameCounts) {
  e2e::VethPair veth("prom");
  ASSERT_FALSE(HasFatalFailure());
  std::string address = "127.0.0.1:" + std::to_string(freePort());
  e2e::Subprocess runner(run(veth.hostDevice(), "--interval 0.2 --format json --prometheus " + address),
                         dir_ + "/out", dir_ + "/err");
  ASSERT_TRUE(runner.waitForStderr(kProfiling, 10)) << runner.stderrText();
  veth.ping(4);
  usleep(600000); // two intervals: the endpoint shows the latest figures
  std::string metrics, page;
  ASSERT_EQ(e2e::runCommand("curl -sS --max-time 5 http://" + address + "/metrics", metrics), 0);
  ASSERT_EQ(e2e::runCommand("curl -sS --max-time 5 http://" + address + "/", page), 0);
  runner.signal(SIGINT);
  ASSERT_EQ(runner.wait(10), 0) << runner.stderrText();
  EXPECT_NE(metrics.find("inxpect_runs_total{program=\"xdp_live\"} 4"), std::string::npos) << metrics;
  EXPECT_NE(metrics.find("inxpect_section_entries_total{program=\"xdp_live\","
                         "section=\"count_echo\",kind=\"function\"} 4"),
            std::string::npos)
      << metrics;
  EXPECT_NE(metrics.find("inxpect_section_clock_seconds_total{program=\"xdp_live\","
                         "section=\"count_echo\",kind=\"function\",event=\"clock\"}"),
            std::string::npos)
      << metrics;
  EXPECT_EQ(metrics.find("exposer_"), std::string::npos) << "only inxpect's own metrics: " << metrics;
  EXPECT_NE(page.find("<a href=\"/metrics\">"), std::string::npos) << page;
  EXPECT_EQ(countOf(lastJsonLine(runner.stdoutText()), "count_echo"), 4u);
}

// --sections-file is read again while the profile runs: what it names is
// switched on in the running program, the rest off, without a reload.
TEST_F(LiveRun, SectionsFileSwitchesSectionsWhileRunning) {
  e2e::VethPair veth("sect");
  ASSERT_FALSE(HasFatalFailure());
  std::string sections = dir_ + "/sections";
  writeFileAtomically(sections, "count_echo  # echo requests only\n");
  e2e::Subprocess runner(run(veth.hostDevice(), "--format json --interval 0.2 --sections-file " +
                                                    sections),
                         dir_ + "/out", dir_ + "/err");
  ASSERT_TRUE(runner.waitForStderr(kProfiling, 10)) << runner.stderrText();
  veth.ping(3);
  writeFileAtomically(sections, "classify\n");
  ASSERT_TRUE(runner.waitForStderr("sections on (from " + sections + "): classify\n", 10))
      << runner.stderrText();
  veth.ping(2);
  runner.signal(SIGINT);
  ASSERT_EQ(runner.wait(10), 0) << runner.stderrText();
  nlohmann::json report = lastJsonLine(runner.stdoutText());
  EXPECT_EQ(report["runs"], 5);
  EXPECT_EQ(countOf(report, "count_echo"), 3u) << "on for the first 3 pings only";
  EXPECT_EQ(countOf(report, "classify"), 2u) << "on for the last 2 pings only";
  for (const auto &s : report["sections"])
    EXPECT_EQ(s["on"], s["name"] == "classify") << s.dump();
}

// --per-cpu: a count a CPU, adding up to the section's count; --output puts
// the report in a file and leaves stdout empty.
TEST_F(LiveRun, PerCpuCountsAddUpAndOutputGoesToTheFile) {
  e2e::VethPair veth("pcpu");
  ASSERT_FALSE(HasFatalFailure());
  std::string file = dir_ + "/profile.jsonl";
  e2e::Subprocess runner(run(veth.hostDevice(), "--duration 2 --format json --per-cpu --output " +
                                                    file),
                         dir_ + "/out", dir_ + "/err");
  ASSERT_TRUE(runner.waitForStderr(kProfiling, 10)) << runner.stderrText();
  veth.ping(5);
  ASSERT_EQ(runner.wait(10), 0) << runner.stderrText();
  EXPECT_EQ(runner.stdoutText(), "");
  nlohmann::json report = lastJsonLine(readFile(file));
  EXPECT_EQ(report["type"], "final");
  EXPECT_EQ(countOf(report, "count_echo"), 5u);
  for (const auto &s : report["sections"]) {
    ASSERT_EQ(s["per_cpu"].size(), unsigned(libbpf_num_possible_cpus())) << s.dump();
    uint64_t sum = 0;
    for (uint64_t n : s["per_cpu"])
      sum += n;
    EXPECT_EQ(sum, s["count"]) << s.dump();
  }
}

// The plain table redraws over itself on a terminal (script(1) gives it
// one; --no-curses, else the screen LiveScreen tests takes it) and prints
// one table after another into a pipe or a file, whatever TERM says.
TEST_F(LiveRun, TableRefreshesInPlaceOnlyOnATerminal) {
  e2e::VethPair veth("tty");
  ASSERT_FALSE(HasFatalFailure());
  const std::string redraw = "\033[H\033[J";
  std::string onTerminal;
  ASSERT_EQ(e2e::runCommand("script -qec \"" + run(veth.hostDevice(), "--duration 1 --interval 0.3 --no-curses") +
                                "\" /dev/null",
                            onTerminal),
            0)
      << onTerminal;
  EXPECT_NE(onTerminal.find(redraw), std::string::npos) << onTerminal;
  EXPECT_NE(onTerminal.find("final after"), std::string::npos) << onTerminal;

  std::string plain;
  ASSERT_EQ(e2e::runCommand("TERM=xterm " + run(veth.hostDevice(), "--duration 1 --interval 0.3 2>/dev/null"), plain),
            0)
      << plain;
  EXPECT_EQ(plain.find('\033'), std::string::npos) << "no terminal codes in a pipe";
  EXPECT_NE(plain.find("live after"), std::string::npos) << plain;
  EXPECT_NE(plain.find("final after"), std::string::npos) << plain;
  EXPECT_NE(plain.find("counter: "), plain.rfind("counter: ")) << "one table after another";
}

} // namespace
