#include "cli/GuestCompare.h"

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "RunError.h"
#include "views/OutputFile.h"

namespace inxpect {

namespace fs = std::filesystem;

namespace {

std::string formatName(CompareFormat format) {
  switch (format) {
  case CompareFormat::Json:
    return "json";
  case CompareFormat::Markdown:
    return "markdown";
  case CompareFormat::Table:
    break;
  }
  return "table";
}

std::string percent(double fraction) {
  std::ostringstream text;
  text.precision(17);
  text << fraction * 100;
  return text.str();
}

// A directory of its own under $TMPDIR, removed with everything in it.
class StagingDirectory {
public:
  StagingDirectory() {
    std::string pattern = (fs::temp_directory_path() / "inxpect-guest-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
      throw RunError("cannot make a directory for the guest's files in " +
                     fs::temp_directory_path().string());
    path_ = pattern;
  }
  ~StagingDirectory() {
    std::error_code ignored;
    if (!kept_)
      fs::remove_all(path_, ignored);
  }
  void keep() { kept_ = true; } // for the guest's console log, after a failure
  StagingDirectory(const StagingDirectory &) = delete;
  StagingDirectory &operator=(const StagingDirectory &) = delete;
  const fs::path &path() const { return path_; }

  // Copies `from` in as `name` (the guest sees it as /objects/NAME).
  void stage(const std::string &from, const std::string &name) const {
    std::error_code error;
    fs::copy_file(from, path_ / name, error);
    if (error)
      throw RunError("" + from + ": " + error.message());
  }

private:
  fs::path path_;
  bool kept_ = false;
};

// Runs `argv` with the kernel cache `vmCache` and waits for it; its stdout
// and stderr are ours.
int runAndWait(const std::vector<std::string> &argv, const std::string &vmCache) {
  std::vector<char *> args;
  for (const std::string &a : argv)
    args.push_back(const_cast<char *>(a.c_str()));
  args.push_back(nullptr);
  pid_t child = fork();
  if (child < 0)
    throw RunError("cannot start " + argv[0]);
  if (child == 0) {
    setenv(kVmCacheVariable, vmCache.c_str(), /*overwrite=*/1);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0)
    if (errno != EINTR)
      throw RunError("lost " + argv[0]);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

// The guest's output names the objects by their paths there: give them back
// the user's, as the format writes a string.
std::string withHostPaths(std::string text, const CompareOptions &o) {
  auto written = [&](const std::string &path) {
    if (o.view != CompareFormat::Json)
      return path;
    std::string quoted = nlohmann::json(path).dump();
    return quoted.substr(1, quoted.size() - 2);
  };
  for (auto [guest, host] : {std::pair{kGuestObjectA, &o.object}, {kGuestObjectB, &o.objectB}}) {
    std::string from = guest, to = written(*host);
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
  }
  return text;
}

} // namespace

std::vector<std::string> guestCompareArguments(const CompareOptions &o) {
  std::vector<std::string> args{"compare", kGuestObjectA, kGuestObjectB};
  if (o.pcap)
    args.insert(args.end(), {"--pcap", kGuestPcap});
  else
    args.insert(args.end(), {"--synthetic", std::to_string(*o.synthetic)});
  args.insert(args.end(), {"--repeat", std::to_string(o.repeat), "--rounds",
                           std::to_string(o.rounds), "--threshold", percent(o.threshold),
                           "--format", formatName(o.view)});
  if (o.prog)
    args.insert(args.end(), {"--prog", *o.prog});
  if (!o.sections.empty()) {
    std::string list;
    for (const std::string &s : o.sections)
      list += (list.empty() ? "" : ",") + s;
    args.insert(args.end(), {"--sections", list});
  }
  return args;
}

GuestDriver guestDriver(const std::string &self, const std::string &environmentScript,
                        const std::string &environmentCache, const std::string &userCache) {
  fs::path installed =
      fs::path(self).parent_path().parent_path() / "share" / "inxpect" / "guest" / "guest_driver.sh";
  bool isInstalled = fs::exists(installed);
  GuestDriver d;
  d.script = !environmentScript.empty() ? environmentScript
             : isInstalled              ? installed.string()
                                        : std::string(INXPECT_GUEST_DRIVER_SCRIPT);
  if (!environmentCache.empty())
    d.vmCache = environmentCache;
  else if (!isInstalled)
    d.vmCache = std::string(INXPECT_GUEST_BUILD_DIR) + "/vm-cache"; // the VM tests' too
  else
    d.vmCache = userCache.empty() ? "/var/cache/inxpect/vm-cache" : userCache + "/inxpect/vm-cache";
  return d;
}

namespace {

std::string variable(const char *name) {
  const char *set = std::getenv(name);
  return set ? set : "";
}

// $XDG_CACHE_HOME, else ~/.cache; empty without either.
std::string userCacheHome() {
  if (std::string xdg = variable("XDG_CACHE_HOME"); !xdg.empty())
    return xdg;
  std::string home = variable("HOME");
  return home.empty() ? "" : home + "/.cache";
}

} // namespace

int runCompareInGuest(const CompareOptions &options, std::ostream &out) {
  char self[4096];
  ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
  if (length <= 0)
    throw RunError("cannot find this program's own file for the guest");
  GuestDriver driver = guestDriver(std::string(self, length), variable(kGuestDriverVariable),
                                   variable(kVmCacheVariable), userCacheHome());
  const std::string &script = driver.script;
  if (access(script.c_str(), X_OK) != 0)
    throw RunError("--deterministic needs " + script +
                   " (installed in PREFIX/share/inxpect/guest, or a source tree's "
                   "bench/guest_driver.sh): set " + std::string(kGuestDriverVariable) + " to one");

  StagingDirectory staging;
  staging.stage(options.object, "a.o");
  staging.stage(options.objectB, "b.o");
  if (options.pcap)
    staging.stage(*options.pcap, "traffic.pcap");
  fs::path relayed = staging.path() / "guest-output";
  std::vector<std::string> argv{script, "--relay", std::string(self, length), staging.path().string(),
                                relayed.string()};
  for (const std::string &a : guestCompareArguments(options))
    argv.push_back(a);
  // The script has said what went wrong on stderr.
  int status = runAndWait(argv, driver.vmCache);
  if (status != 0 && status != 3) {
    staging.keep();
    throw RunError("the comparison in the guest failed (exit status " + std::to_string(status) +
                   "); its files are in " + staging.path().string());
  }

  std::ifstream in(relayed, std::ios::binary);
  if (!in)
    throw RunError("the guest wrote no output");
  std::ostringstream relayedText;
  relayedText << in.rdbuf();
  OutputFile output(options.output, out);
  output.stream() << withHostPaths(relayedText.str(), options);
  output.commit();
  return status;
}

} // namespace inxpect
