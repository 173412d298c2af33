// What a session leaves behind (issue 15): the next session starts from the
// configuration it asks for, an attached program gets its defaults back,
// one session a program, nothing pinned by a replay, no half-written
// --output, and sessions that end cleanly when what they watch goes away.
// (Random SIGKILLs: FaultTest.cpp.)
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sched.h>
#include <nlohmann/json.hpp>
#include <sys/socket.h>
#include <unistd.h>

#include "OtherLoader.h"
#include "LiveFixture.h"
#include "RequireRoot.h"
#include "Subprocess.h"
#include "VethPair.h"
#include "traffic/SyntheticTraffic.h"

namespace {

using e2e::configOf;
using e2e::countOf;
using e2e::expectDefaults;
using e2e::lastJsonLine;
using e2e::readFile;

const std::string kRunner = std::string(E2E_BIN_DIR) + "/inxpect-run";

class SessionHygiene : public e2e::LiveProgramTest {
protected:
  std::string attach(const e2e::OtherLoader &loader, const std::string &extra) const {
    return kRunner + " attach --prog-id " + std::to_string(loader.programId()) +
           " --interval 0.2 --format json " + extra;
  }
};

// Runs `packets` frames through the program on CPU 0, as traffic on one
// CPU would, so that its per-CPU sampling countdown is known.
void runOnCpu0(bpf_object *obj, unsigned packets) {
  cpu_set_t cpus, was;
  CPU_ZERO(&cpus);
  CPU_SET(0, &cpus);
  ASSERT_EQ(sched_getaffinity(0, sizeof was, &was), 0);
  ASSERT_EQ(sched_setaffinity(0, sizeof cpus, &cpus), 0);
  int fd = bpf_program__fd(bpf_object__find_program_by_name(obj, "xdp_live"));
  inxpect::Packet frame = inxpect::syntheticTraffic(1).packets.at(0);
  for (unsigned i = 0; i < packets; ++i) {
    bpf_test_run_opts run{};
    run.sz = sizeof run;
    run.data_in = frame.data();
    run.data_size_in = static_cast<uint32_t>(frame.size());
    run.repeat = 1;
    EXPECT_EQ(bpf_prog_test_run_opts(fd, &run), 0);
  }
  sched_setaffinity(0, sizeof was, &was);
}

// A session sampling one run in 8 with one section on, ended by SIGKILL
// part way through a countdown: the program gets its defaults back, and the
// next session, asking for nothing, counts every run and every section
// exactly from its first run.
TEST_F(SessionHygiene, TheNextSessionStartsFromWhatItAsksAfterAKilledOne) {
  e2e::VethPair veth("leak");
  ASSERT_FALSE(HasFatalFailure());
  e2e::OtherLoader loader(built_.instrumented, veth.hostDevice());
  ASSERT_FALSE(HasFatalFailure());
  {
    e2e::Subprocess first(attach(loader, "--sample 8 --sections classify"), dir_ + "/out1",
                          dir_ + "/err1");
    ASSERT_TRUE(first.waitForStderr("profiling ", 10)) << first.stderrText();
    runOnCpu0(loader.object(), 5); // CPU 0's countdown is left at 4 runs to go
    nlohmann::json during = configOf(loader.object());
    EXPECT_EQ(during["inxpect_config"]["sample_every"][0], 8) << during.dump();
    first.signal(SIGKILL);
    EXPECT_EQ(first.wait(10), 128 + SIGKILL);
  }
  for (int i = 0; i < 50 && configOf(loader.object())["inxpect_config"]["sample_every"][0] != 1; ++i)
    usleep(20000);
  expectDefaults(configOf(loader.object()));

  auto before = loader.counters();
  e2e::Subprocess second(attach(loader, "--duration 1.5"), dir_ + "/out2", dir_ + "/err2");
  ASSERT_TRUE(second.waitForStderr("profiling ", 10)) << second.stderrText();
  runOnCpu0(loader.object(), 6);
  ASSERT_EQ(second.wait(10), 0) << second.stderrText();
  auto after = loader.counters();
  nlohmann::json report = lastJsonLine(second.stdoutText());
  EXPECT_EQ(report["runs"], 6);
  EXPECT_EQ(after["xdp_live"] - before["xdp_live"], 6u);
  EXPECT_EQ(countOf(report, "classify"), 6u) << "a run left out by the last session's countdown";
  for (const auto &s : report["sections"])
    EXPECT_TRUE(s["on"].get<bool>()) << s.dump();
  expectDefaults(configOf(loader.object()));
}

TEST_F(SessionHygiene, ASecondSessionOnTheProgramIsRefusedNamingTheFirst) {
  e2e::VethPair veth("two");
  ASSERT_FALSE(HasFatalFailure());
  e2e::OtherLoader loader(built_.instrumented, veth.hostDevice());
  ASSERT_FALSE(HasFatalFailure());
  e2e::Subprocess first(attach(loader, "--sample 4"), dir_ + "/out1", dir_ + "/err1");
  ASSERT_TRUE(first.waitForStderr("profiling ", 10)) << first.stderrText();
  std::string out;
  EXPECT_EQ(e2e::runCommand(attach(loader, "--duration 1") + " 2>&1", out), 1) << out;
  EXPECT_NE(out.find("is being profiled by another inxpect-run session (pid "), std::string::npos)
      << out;
  EXPECT_EQ(configOf(loader.object())["inxpect_config"]["sample_every"][0], 4)
      << "the refused session changed the first one's configuration";
  first.signal(SIGINT);
  EXPECT_EQ(first.wait(10), 0) << first.stderrText();
  // Once the first has ended, a session is welcome again.
  EXPECT_EQ(e2e::runCommand(attach(loader, "--duration 0.3") + " 2>&1", out), 0) << out;
}

TEST_F(SessionHygiene, AttachEndsWhenItsProgramIsUnloaded) {
  e2e::VethPair veth("unld");
  ASSERT_FALSE(HasFatalFailure());
  e2e::OtherLoader loader(built_.instrumented, veth.hostDevice());
  ASSERT_FALSE(HasFatalFailure());
  e2e::Subprocess runner(attach(loader, ""), dir_ + "/out", dir_ + "/err");
  ASSERT_TRUE(runner.waitForStderr("profiling ", 10)) << runner.stderrText();
  veth.ping(2);
  loader.unload();
  EXPECT_EQ(runner.wait(10), 0) << "still running after its program was unloaded: "
                                << runner.stderrText();
  EXPECT_NE(runner.stderrText().find("was unloaded: the profile ends here"), std::string::npos)
      << runner.stderrText();
  nlohmann::json report = lastJsonLine(runner.stdoutText());
  EXPECT_EQ(report["type"], "final");
  EXPECT_EQ(countOf(report, "count_echo"), 2u);
}

TEST_F(SessionHygiene, RunEndsWhenItsInterfaceIsDeleted) {
  std::string out;
  e2e::VethPair veth("gone");
  ASSERT_FALSE(HasFatalFailure());
  e2e::Subprocess runner(kRunner + " run " + built_.instrumented + " --prog xdp_live --dev " +
                             veth.hostDevice() + " --interval 0.2",
                         dir_ + "/out", dir_ + "/err");
  ASSERT_TRUE(runner.waitForStderr("profiling ", 10)) << runner.stderrText();
  veth.ping(3);
  ASSERT_EQ(e2e::runCommand("ip link del " + veth.hostDevice() + " 2>&1", out), 0) << out;
  EXPECT_EQ(runner.wait(10), 0) << "still running after its interface was deleted: "
                                << runner.stderrText();
  EXPECT_NE(runner.stderrText().find("the interface was deleted"), std::string::npos)
      << runner.stderrText();
  std::string table = runner.stdoutText();
  EXPECT_NE(table.find("final after"), std::string::npos) << table;
  EXPECT_NE(table.find(" overall"), std::string::npos)
      << "the final line says which runs/s is the session's: " << table;
}

TEST_F(SessionHygiene, APrometheusPortInUseIsSaidSo) {
  int held = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(held, reinterpret_cast<sockaddr *>(&a), sizeof a), 0);
  ASSERT_EQ(listen(held, 1), 0);
  socklen_t len = sizeof a;
  getsockname(held, reinterpret_cast<sockaddr *>(&a), &len);
  e2e::VethPair veth("port");
  ASSERT_FALSE(HasFatalFailure());
  std::string out;
  int status = e2e::runCommand(kRunner + " run " + built_.instrumented + " --prog xdp_live --dev " +
                                   veth.hostDevice() + " --duration 1 --prometheus 127.0.0.1:" +
                                   std::to_string(ntohs(a.sin_port)) + " 2>&1",
                               out);
  close(held);
  EXPECT_EQ(status, 1) << out;
  EXPECT_NE(out.find("the address is in use"), std::string::npos) << out;
  EXPECT_EQ(out.find("CivetServer"), std::string::npos) << out;
  EXPECT_EQ(veth.xdpOnHostDevice(), "");
}

class ReplayHygiene : public ::testing::Test {
protected:
  void SetUp() override {
    REQUIRE_ROOT_FOR_BPF();
    dir_ = e2e::makeWorkDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  std::string dir_;
};

// A map pinned by name stays the program's own in a replay: none pinned in
// the host's bpffs, and one pinned there already neither reused nor changed.
TEST_F(ReplayHygiene, AReplayPinsNothingAndReusesNoPin) {
  e2e::BuiltProgram built = e2e::buildProgram("pinned_map", {"--per-function"}, dir_);
  ASSERT_FALSE(HasFatalFailure());
  const std::string pin = "/sys/fs/bpf/inxpect_e2e_pinned";
  std::string out;
  ASSERT_FALSE(std::filesystem::exists(pin)) << pin << " is left from an earlier run";
  ASSERT_EQ(e2e::runCommand(kRunner + " replay " + built.instrumented +
                                " --synthetic 10 --format json 2>&1",
                            out),
            0)
      << out;
  EXPECT_FALSE(std::filesystem::exists(pin)) << "the replay pinned its map in the host's bpffs";

  int map = bpf_map_create(BPF_MAP_TYPE_ARRAY, "inxpect_e2e_pin", 4, 8, 1, nullptr);
  ASSERT_GE(map, 0);
  uint32_t zero = 0;
  uint64_t value = 100;
  ASSERT_EQ(bpf_map_update_elem(map, &zero, &value, BPF_ANY), 0);
  ASSERT_EQ(bpf_obj_pin(map, pin.c_str()), 0) << "the host's /sys/fs/bpf is not a BPF filesystem";
  int status = e2e::runCommand(kRunner + " replay " + built.instrumented +
                                   " --synthetic 10 --format json 2>&1",
                               out);
  unlink(pin.c_str());
  ASSERT_EQ(status, 0) << out;
  EXPECT_EQ(countOf(lastJsonLine(out), "count_packet"), 10u);
  ASSERT_EQ(bpf_map_lookup_elem(map, &zero, &value), 0);
  EXPECT_EQ(value, 100u) << "the replay used the pinned map";
  close(map);
}

// --output is written whole or not at all: a failed replay leaves an
// earlier file as it was and makes no new one, and no temporary file.
TEST_F(ReplayHygiene, AFailedReplayLeavesOutputUntouched) {
  e2e::BuiltProgram built = e2e::buildProgram("drop", {"--per-function"}, dir_);
  ASSERT_FALSE(HasFatalFailure());
  std::string notCapture = dir_ + "/not.pcap", earlier = dir_ + "/earlier.json",
              fresh = dir_ + "/fresh.json", out;
  std::ofstream(notCapture) << "not a capture\n";
  std::ofstream(earlier) << "an earlier report\n";
  for (const std::string &output : {earlier, fresh}) {
    EXPECT_EQ(e2e::runCommand(kRunner + " replay " + built.instrumented + " --pcap " + notCapture +
                                  " --output " + output + " 2>&1",
                              out),
              1)
        << out;
    EXPECT_NE(out.find("cannot read the capture"), std::string::npos) << out;
  }
  EXPECT_EQ(readFile(earlier), "an earlier report\n");
  EXPECT_FALSE(std::filesystem::exists(fresh));
  for (const auto &entry : std::filesystem::directory_iterator(dir_))
    EXPECT_EQ(entry.path().string().find(".json."), std::string::npos)
        << "a temporary file is left: " << entry.path();

  // And a replay that succeeds replaces it whole.
  ASSERT_EQ(e2e::runCommand(kRunner + " replay " + built.instrumented +
                                " --synthetic 5 --format json --output " + earlier + " 2>&1",
                            out),
            0)
      << out;
  EXPECT_EQ(lastJsonLine(readFile(earlier))["runs"], 5);
}

TEST_F(ReplayHygiene, ACaptureWithoutPacketsIsAnError) {
  e2e::BuiltProgram built = e2e::buildProgram("drop", {"--per-function"}, dir_);
  ASSERT_FALSE(HasFatalFailure());
  std::string empty = dir_ + "/empty.pcap", output = dir_ + "/report.txt", out;
  // A classic pcap header (Ethernet, snaplen 65535) and nothing after it.
  const unsigned char header[24] = {0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0,
                                    0,    0,    0,    0,    0xff, 0xff, 0, 0, 1, 0, 0, 0};
  std::ofstream(empty, std::ios::binary).write(reinterpret_cast<const char *>(header), sizeof header);
  EXPECT_EQ(e2e::runCommand(kRunner + " replay " + built.instrumented + " --pcap " + empty +
                                " --output " + output + " 2>&1",
                            out),
            1)
      << out;
  EXPECT_NE(out.find("no packets in " + empty), std::string::npos) << out;
  EXPECT_FALSE(std::filesystem::exists(output));
}

} // namespace
