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
#include <cstring>
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
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "OtherLoader.h"
#include "ProgramBuild.h"
#include "RequireRoot.h"
#include "Subprocess.h"
#include "VethPair.h"

namespace {

// Sections that end before the tail call, or run in the tail-called
// program (see programs/live.c and LiveRunTest.cpp).
const std::vector<std::string> kLiveFlags = {"--per-function",
                                             "--functions 'classify|count_echo|tail_work|xdp_tail'"};
const std::vector<std::string> kSections = {"classify", "count_echo", "tail_work", "xdp_tail"};
// What a killed session asks for, so that its configuration would show if
// it stayed: sampling, and (live) sections off.
const char kKilledLiveOptions[] = "--sample 16 --sections classify --format json --interval 0.2";
const char kKilledReplayOptions[] = "--sample 16 --format json";
constexpr unsigned kKills = 20;
constexpr unsigned kSeed = 15;
constexpr double kLongestDelay = 1.5; // seconds: well into streaming
const char kProfiling[] = "profiling ";

nlohmann::json finalReport(const std::string &text) {
  std::size_t end = text.find_last_not_of('\n');
  if (end == std::string::npos)
    return nullptr;
  std::size_t begin = text.rfind('\n', end);
  begin = begin == std::string::npos ? 0 : begin + 1;
  return nlohmann::json::parse(text.substr(begin, end + 1 - begin), nullptr, false);
}

uint64_t countOf(const nlohmann::json &report, const std::string &section) {
  if (report.is_object())
    for (const auto &s : report["sections"])
      if (s["name"] == section)
        return s["count"];
  ADD_FAILURE() << "no section " << section << " in " << report.dump();
  return 0;
}

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

// A program's .data.inxpect as inxpect.h's initialiser leaves it: enabled,
// event 0 on the default counter every run, no probe cost, every section
// on. Returns what differs, "" when nothing does.
std::string differenceFromDefaults(bpf_object *obj) {
  bpf_map *data = bpf_object__find_map_by_name(obj, ".data.inxpect");
  const btf *types = bpf_object__btf(obj);
  int sec = types ? btf__find_by_name_kind(types, ".data.inxpect", BTF_KIND_DATASEC) : -1;
  if (!data || sec <= 0)
    return "no .data.inxpect with BTF";
  std::vector<unsigned char> value(bpf_map__value_size(data));
  uint32_t zero = 0;
  if (bpf_map_lookup_elem(bpf_map__fd(data), &zero, value.data()) != 0)
    return std::string("cannot read .data.inxpect: ") + std::strerror(errno);
  std::ostringstream diff;
  const btf_type *datasec = btf__type_by_id(types, sec);
  const btf_var_secinfo *var = btf_var_secinfos(datasec);
  bool sawConfig = false, sawSwitches = false;
  for (unsigned i = 0; i < btf_vlen(datasec); ++i, ++var) {
    std::string name = btf__name_by_offset(types, btf__type_by_id(types, var->type)->name_off);
    if (name == "inxpect_config") {
      // enabled, then counter[], probe_own[], probe_nested[], sample_every[]: u32 each.
      std::vector<uint32_t> words(var->size / 4);
      std::memcpy(words.data(), value.data() + var->offset, words.size() * 4);
      std::size_t events = (words.size() - 1) / 4, sampleEvery = 1 + 3 * events;
      for (std::size_t w = 0; w < words.size(); ++w) {
        uint32_t expected = w == 0 || w == sampleEvery ? 1 : 0;
        if (words[w] != expected)
          diff << " inxpect_config word " << w << " is " << words[w] << ", not " << expected << ";";
      }
      sawConfig = true;
    } else if (name == "inxpect_section_off") {
      for (unsigned id = 0; id < var->size; ++id)
        if (value[var->offset + id])
          diff << " section " << id << " is off;";
      sawSwitches = true;
    }
  }
  if (!sawConfig || !sawSwitches)
    diff << " no inxpect_config or inxpect_section_off in .data.inxpect";
  return diff.str();
}

class Faults : public ::testing::Test {
protected:
  void SetUp() override {
    REQUIRE_ROOT_FOR_BPF();
    dir_ = e2e::makeWorkDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
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
  std::string runner(const std::string &args) const {
    return "unshare -m sh -c 'mount --bind " + bpffs_ + " /sys/fs/bpf && exec env INXPECT_LOCK_DIR=" +
           locks_ + " " + E2E_BIN_DIR + "/inxpect-run " + args + "'";
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
    std::uniform_real_distribution<double> delays(0, kLongestDelay);
    unsigned whileStarting = 0, whileProfiling = 0;
    for (unsigned kill = 1; kill <= kKills; ++kill) {
      double delay = delays(random);
      std::ostringstream trace;
      trace << command << ": kill " << kill << " of " << kKills << " after " << delay << " s (seed "
            << kSeed << ")";
      SCOPED_TRACE(trace.str());
      std::string phase;
      {
        e2e::Subprocess session(runner(command + " " + args + " --output " + report_), dir_ + "/out",
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

  std::string dir_, locks_, bpffs_, reports_, report_;
  std::string kernelsOwn_; // what a new bpffs holds
  bool mounted_ = false;
};

TEST_F(Faults, ReplayKilledTwentyTimesLeavesNothingAndTheNextCountsExactly) {
  // The object asks to pin a map by name: a replay must pin nothing.
  e2e::BuiltProgram built = e2e::buildProgram("live", kLiveFlags, dir_, {"-DE2E_LIVE_PINNED"});
  ASSERT_FALSE(HasFatalFailure());
  std::string object = built.instrumented + " --prog xdp_live";
  killRepeatedly("replay", object + " --synthetic 1000 --repeat 100000 " + kKilledReplayOptions, {},
                 [&] { expectLockedProgramsGone(); });
  if (HasFailure())
    return;

  e2e::Subprocess clean(runner("replay " + object + " --synthetic 777 --format json"), dir_ + "/out",
                        dir_ + "/err");
  ASSERT_EQ(clean.wait(30), 0) << clean.stderrText();
  nlohmann::json report = finalReport(clean.stdoutText());
  EXPECT_EQ(report["runs"], 777) << report.dump();
  EXPECT_EQ(countOf(report, "classify"), 777u) << "entered once a run";
  expectNothingLeft();
}

TEST_F(Faults, RunKilledTwentyTimesLeavesNothingAttachedAndTheNextCountsExactly) {
  e2e::BuiltProgram built = e2e::buildProgram("live", kLiveFlags, dir_);
  ASSERT_FALSE(HasFatalFailure());
  e2e::VethPair veth("flt");
  ASSERT_FALSE(HasFatalFailure());
  std::string run = "run " + built.instrumented + " --prog xdp_live --dev " + veth.hostDevice() +
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

  e2e::Subprocess clean(runner(run + " --format json --interval 0.5"), dir_ + "/out", dir_ + "/err");
  ASSERT_TRUE(clean.waitForStderr(kProfiling, 10)) << clean.stderrText();
  veth.ping(7);
  clean.signal(SIGINT);
  ASSERT_EQ(clean.wait(10), 0) << clean.stderrText();
  nlohmann::json report = finalReport(clean.stdoutText());
  EXPECT_EQ(report["runs"], 7) << report.dump();
  EXPECT_EQ(countOf(report, "classify"), 7u);
  EXPECT_EQ(countOf(report, "count_echo"), 7u);
  EXPECT_EQ(veth.xdpOnHostDevice(), "");
  expectNothingLeft();
}

TEST_F(Faults, AttachKilledTwentyTimesRestoresTheDefaultsAndTheNextCountsExactly) {
  e2e::BuiltProgram built = e2e::buildProgram("live", kLiveFlags, dir_);
  ASSERT_FALSE(HasFatalFailure());
  e2e::VethPair veth("fla");
  ASSERT_FALSE(HasFatalFailure());
  e2e::OtherLoader loader(built.instrumented, veth.hostDevice());
  ASSERT_FALSE(HasFatalFailure());
  std::string attach = "attach --prog-id " + std::to_string(loader.programId());
  std::string ours = "id " + std::to_string(loader.programId());
  killRepeatedly(
      attach, kKilledLiveOptions, [&] { veth.ping(10); },
      [&] {
        EXPECT_NE(veth.xdpOnHostDevice().find(ours), std::string::npos)
            << "the loader's program is no longer attached: " << veth.xdpOnHostDevice();
        // The guard lets the lock go once the defaults are back (checked held-free above).
        EXPECT_EQ(differenceFromDefaults(loader.object()), "")
            << "the killed session's configuration stayed";
      });
  if (HasFailure())
    return;

  auto before = loader.counters();
  e2e::Subprocess clean(runner(attach + " --format json --interval 0.5"), dir_ + "/out", dir_ + "/err");
  ASSERT_TRUE(clean.waitForStderr(kProfiling, 10)) << clean.stderrText();
  veth.ping(6);
  clean.signal(SIGINT);
  ASSERT_EQ(clean.wait(10), 0) << clean.stderrText();
  auto after = loader.counters();
  nlohmann::json report = finalReport(clean.stdoutText());
  EXPECT_EQ(report["runs"], after["xdp_live"] - before["xdp_live"]) << report.dump();
  for (const std::string &name : kSections)
    EXPECT_EQ(countOf(report, name), after[name] - before[name]) << name;
  EXPECT_EQ(countOf(report, "count_echo"), 6u);
  EXPECT_EQ(differenceFromDefaults(loader.object()), "") << "after the clean session";
  expectNothingLeft();
}

} // namespace
