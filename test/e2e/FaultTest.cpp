// Fault tests (issue 15): inxpect-run killed with SIGKILL at random moments
// of replay, run and attach (loading, attaching, streaming), twenty times
// each. After every kill: nothing attached that the session attached, no
// pin in the BPF filesystem the runner sees, no session lock held, no
// half-written --output beside the report, and an attached program's
// configuration back at its defaults; after the twenty,
// a clean session counts exactly. The delays come from a fixed seed, so a
// failure names the kill and its delay and happens again.
//
// The runner runs in a mount namespace of its own where the test's private
// bpffs is /sys/fs/bpf (libbpf's pin root), and with INXPECT_LOCK_DIR in
// the test's work directory, so that everything it could leave is the
// test's to see.
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <sys/file.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include <bpf/bpf.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "LiveFixture.h"
#include "OtherLoader.h"
#include "Subprocess.h"
#include "VethPair.h"

namespace {

const std::vector<std::string> kSections = {"classify", "count_echo", "tail_work", "xdp_tail"};
// What a killed session asks for, so that its configuration would show if
// it stayed: sampling, and (live) sections off.
const char kKilledLiveOptions[] = "--sample 16 --sections classify --format json --interval 0.2";
const char kKilledReplayOptions[] = "--sample 16 --format json";
constexpr unsigned kKills = 20;
constexpr unsigned kSeed = 15;
// Seconds: well into streaming. A delay is kLongestDelay * u * u (u drawn
// uniformly in [0, 1)): a third of the kills within its first 0.17 s,
// while the session loads and attaches, the rest while it streams.
constexpr double kLongestDelay = 1.5;
const char kProfiling[] = "profiling ";

bool programExists(uint32_t id) {
  int fd = bpf_prog_get_fd_by_id(id);
  if (fd < 0)
    return false;
  close(fd);
  return true;
}

// The session lock files in `dir` (prog-ID.lock), by program id.
std::map<uint32_t, std::string> lockFiles(const std::string &dir) {
  std::map<uint32_t, std::string> files;
  for (const auto &entry : std::filesystem::directory_iterator(dir)) {
    unsigned long id;
    char tail;
    if (std::sscanf(entry.path().filename().c_str(), "prog-%lu.lock%c", &id, &tail) == 1)
      files[uint32_t(id)] = entry.path().string();
  }
  return files;
}

bool heldByAProcess(const std::string &lockFile) {
  int fd = open(lockFile.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0)
    return false; // removed meanwhile
  bool held = flock(fd, LOCK_EX | LOCK_NB) != 0;
  close(fd);
  return held;
}

// Polls `done` for up to `seconds`: the kernel frees a killed process's
// programs and links, and attach's guard restores, a moment after it dies.
bool eventually(const std::function<bool()> &done, double seconds = 3) {
  for (int i = 0; i < seconds * 50; ++i) {
    if (done())
      return true;
    usleep(20000);
  }
  return done();
}

std::string listing(const std::string &dir) {
  std::string names;
  for (const auto &entry : std::filesystem::recursive_directory_iterator(dir))
    names += " " + entry.path().string();
  return names;
}

// live.c built (e2e::LiveProgramTest), a lock dir and a bpffs of the test's own.
class Faults : public e2e::LiveProgramTest {
protected:
  void SetUp() override {
    e2e::LiveProgramTest::SetUp();
    if (HasFatalFailure() || IsSkipped())
      return;
    locks_ = dir_ + "/locks";
    bpffs_ = dir_ + "/bpffs";
    reports_ = dir_ + "/reports";
    report_ = reports_ + "/profile.jsonl";
    std::filesystem::create_directories(locks_);
    std::filesystem::create_directories(reports_);
    std::string out;
    ASSERT_EQ(e2e::runCommand("mkdir -p " + bpffs_ + " && mount -t bpf bpf " + bpffs_ + " 2>&1", out), 0)
        << out;
    mounted_ = true;
    kernelsOwn_ = listing(bpffs_); // the kernel's iterators (bpf_preload), if loaded
  }
  void TearDown() override {
    if (mounted_) {
      std::string ignored;
      e2e::runCommand("umount " + bpffs_ + " 2>&1", ignored);
    }
  }

  // inxpect-run ARGS with the test's bpffs as /sys/fs/bpf and its lock dir.
  std::string isolated(const std::string &args) const {
    return "unshare -m sh -c 'mount --bind " + bpffs_ + " /sys/fs/bpf && exec env INXPECT_LOCK_DIR=" +
           locks_ + " " + runner() + " " + args + "'";
  }

  // Starts `command args --output report_` kKills times, kills each after
  // a random delay while `traffic` runs beside it, and calls `check` after
  // each kill (under a trace naming the kill). A live session says
  // "profiling" once it streams: how many kills came before and after is
  // printed (a replay says nothing until it reports).
  void killRepeatedly(const std::string &command, const std::string &args,
                      const std::function<void()> &traffic, const std::function<void()> &check) {
    bool live = command.rfind("replay", 0) != 0;
    std::mt19937 random(kSeed);
    std::uniform_real_distribution<double> uniform(0, 1);
    unsigned whileStarting = 0, whileProfiling = 0;
    for (unsigned kill = 1; kill <= kKills; ++kill) {
      double u = uniform(random), delay = kLongestDelay * u * u;
      std::ostringstream trace;
      trace << command << ": kill " << kill << " of " << kKills << " after " << delay << " s (seed "
            << kSeed << ")";
      SCOPED_TRACE(trace.str());
      std::string phase;
      {
        e2e::Subprocess session(isolated(command + " " + args + " --output " + report_), dir_ + "/out",
                                dir_ + "/err");
        std::thread packets(traffic ? traffic : std::function<void()>([] {}));
        usleep(useconds_t(delay * 1e6));
        session.signal(SIGKILL);
        int status = session.wait(10);
        packets.join();
        EXPECT_EQ(status, 128 + SIGKILL) << "the session ended before its kill:\n" << session.stderrText();
        bool profiling = session.stderrText().find(kProfiling) != std::string::npos;
        ++(profiling ? whileProfiling : whileStarting);
        phase = !live ? "a replay says nothing before its report"
                : profiling ? "killed while profiling" : "killed while starting";
        if (HasFailure())
          return;
      }
      SCOPED_TRACE(phase);
      EXPECT_TRUE(eventually([&] {
        for (const auto &[id, file] : lockFiles(locks_))
          if (heldByAProcess(file))
            return false;
        return true;
      })) << "a session lock is still held after the kill: " << listing(locks_);
      EXPECT_LE(lockFiles(locks_).size(), 1u)
          << "the locks of earlier killed sessions were not swept: " << listing(locks_);
      EXPECT_EQ(listing(bpffs_), kernelsOwn_) << "pinned in the bpffs";
      std::string written = listing(reports_);
      EXPECT_TRUE(written == "" || written == " " + report_)
          << "--output left more than its file, whole or not at all:" << written;
      check();
      if (HasFailure())
        return;
    }
    if (live)
      std::cout << command << ": " << whileStarting << " kills while starting, " << whileProfiling
                << " while profiling (seed " << kSeed << ")\n";
  }

  // After the clean session: no lock file left (it removed its own and
  // swept the killed sessions'), nothing pinned.
  void expectNothingLeft() {
    EXPECT_TRUE(lockFiles(locks_).empty()) << listing(locks_);
    EXPECT_EQ(listing(bpffs_), kernelsOwn_);
  }

  // Every lock file left names a program the kernel has freed: a killed
  // run or replay takes its program with it.
  void expectLockedProgramsGone() {
    EXPECT_TRUE(eventually([&] {
      for (const auto &[id, file] : lockFiles(locks_))
        if (programExists(id))
          return false;
      return true;
    })) << "the killed session's program is still loaded: " << listing(locks_);
  }

  std::string locks_, bpffs_, reports_, report_;
  std::string kernelsOwn_; // what a new bpffs holds
  bool mounted_ = false;
};

TEST_F(Faults, ReplayKilledTwentyTimesLeavesNothingAndTheNextCountsExactly) {
  // The object asks to pin a map by name: a replay must pin nothing.
  std::filesystem::create_directories(dir_ + "/pinned");
  e2e::BuiltProgram built = e2e::buildLive(dir_ + "/pinned", {"-DE2E_LIVE_PINNED"});
  ASSERT_FALSE(HasFatalFailure());
  std::string object = built.instrumented + " --prog xdp_live";
  killRepeatedly("replay", object + " --synthetic 1000 --repeat 100000 " + kKilledReplayOptions, {},
                 [&] { expectLockedProgramsGone(); });
  if (HasFailure())
    return;

  e2e::Subprocess clean(isolated("replay " + object + " --synthetic 777 --format json"), dir_ + "/out",
                        dir_ + "/err");
  ASSERT_EQ(clean.wait(30), 0) << clean.stderrText();
  nlohmann::json report = e2e::lastJsonLine(clean.stdoutText());
  EXPECT_EQ(report["runs"], 777) << report.dump();
  EXPECT_EQ(e2e::countOf(report, "classify"), 777u) << "entered once a run";
  expectNothingLeft();
}

TEST_F(Faults, RunKilledTwentyTimesLeavesNothingAttachedAndTheNextCountsExactly) {
  e2e::VethPair veth("flt");
  ASSERT_FALSE(HasFatalFailure());
  std::string run = "run " + built_.instrumented + " --prog xdp_live --dev " + veth.hostDevice() +
                    " --xdp-mode native";
  killRepeatedly(
      run, kKilledLiveOptions, [&] { veth.ping(10); },
      [&] {
        std::string left;
        EXPECT_TRUE(eventually([&] { return (left = veth.xdpOnHostDevice()).empty(); }))
            << "left attached: " << left;
        expectLockedProgramsGone();
      });
  if (HasFailure())
    return;

  e2e::Subprocess clean(isolated(run + " --format json --interval 0.5"), dir_ + "/out", dir_ + "/err");
  ASSERT_TRUE(clean.waitForStderr(kProfiling, 10)) << clean.stderrText();
  veth.ping(7);
  clean.signal(SIGINT);
  ASSERT_EQ(clean.wait(10), 0) << clean.stderrText();
  nlohmann::json report = e2e::lastJsonLine(clean.stdoutText());
  EXPECT_EQ(report["runs"], 7) << report.dump();
  EXPECT_EQ(e2e::countOf(report, "classify"), 7u);
  EXPECT_EQ(e2e::countOf(report, "count_echo"), 7u);
  EXPECT_EQ(veth.xdpOnHostDevice(), "");
  expectNothingLeft();
}

TEST_F(Faults, AttachKilledTwentyTimesRestoresTheDefaultsAndTheNextCountsExactly) {
  e2e::VethPair veth("fla");
  ASSERT_FALSE(HasFatalFailure());
  e2e::OtherLoader loader(built_.instrumented, veth.hostDevice());
  ASSERT_FALSE(HasFatalFailure());
  std::string attach = "attach --prog-id " + std::to_string(loader.programId());
  std::string ours = "id " + std::to_string(loader.programId());
  killRepeatedly(
      attach, kKilledLiveOptions, [&] { veth.ping(10); },
      [&] {
        EXPECT_NE(veth.xdpOnHostDevice().find(ours), std::string::npos)
            << "the loader's program is no longer attached: " << veth.xdpOnHostDevice();
        // The guard lets the lock go once the defaults are back (checked held-free above).
        SCOPED_TRACE("the killed session's configuration must not stay");
        e2e::expectDefaults(e2e::configOf(loader.object()));
      });
  if (HasFailure())
    return;

  auto before = loader.counters();
  e2e::Subprocess clean(isolated(attach + " --format json --interval 0.5"), dir_ + "/out", dir_ + "/err");
  ASSERT_TRUE(clean.waitForStderr(kProfiling, 10)) << clean.stderrText();
  veth.ping(6);
  clean.signal(SIGINT);
  ASSERT_EQ(clean.wait(10), 0) << clean.stderrText();
  auto after = loader.counters();
  nlohmann::json report = e2e::lastJsonLine(clean.stdoutText());
  EXPECT_EQ(report["runs"], after["xdp_live"] - before["xdp_live"]) << report.dump();
  for (const std::string &name : kSections)
    EXPECT_EQ(e2e::countOf(report, name), after[name] - before[name]) << name;
  EXPECT_EQ(e2e::countOf(report, "count_echo"), 6u);
  e2e::expectDefaults(e2e::configOf(loader.object()));
  expectNothingLeft();
}

} // namespace
