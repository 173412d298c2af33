#include "counters/KernelModule.h"

#include "RunError.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

namespace inxpect {

std::vector<ModuleEvent> parseModuleEvents(const std::string &text) {
  std::vector<ModuleEvent> events;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    ModuleEvent e;
    if (!(fields >> e.slot >> e.name >> e.via >> e.state))
      continue;
    if (!e.state.empty() && e.state.back() == ':')
      e.state.pop_back();
    std::getline(fields >> std::ws, e.reason);
    events.push_back(e);
  }
  return events;
}

std::optional<KernelModule> KernelModule::find(const std::string &dir, const std::string &device) {
  if (::access((dir + "/events").c_str(), R_OK) != 0)
    return std::nullopt;
  return KernelModule(dir, device);
}

std::vector<ModuleEvent> KernelModule::events() const {
  std::ifstream in(dir_ + "/events");
  std::ostringstream text;
  text << in.rdbuf();
  return parseModuleEvents(text.str());
}

namespace {

// This process's arming session: one open device, kept until exit.
struct ArmingSession {
  std::string device;
  int fd = -1;
};
ArmingSession armingSession;

int sessionFor(const std::string &device) {
  if (armingSession.fd >= 0 && armingSession.device == device)
    return armingSession.fd;
  if (armingSession.fd >= 0)
    ::close(armingSession.fd);
  armingSession = {device, ::open(device.c_str(), O_WRONLY | O_CLOEXEC)};
  if (armingSession.fd < 0)
    throw RunError("cannot open " + device + ": " + std::strerror(errno) +
                   ": run as root to arm the inxpect module's counters");
  return armingSession.fd;
}

} // namespace

std::vector<ModuleEvent> KernelModule::arm(const std::vector<std::string> &names) const {
  std::string request;
  for (const std::string &n : names)
    request += (request.empty() ? "" : " ") + n;
  request += "\n";
  int fd = sessionFor(device_);
  // The module refuses the write when an event cannot be armed (no PMU,
  // counters taken); the events file then says why, per event.
  ssize_t written = ::write(fd, request.data(), request.size());
  int err = errno;
  if (written < 0 && err != ENODEV && err != EOPNOTSUPP && err != EBUSY)
    throw RunError("the inxpect module refused '" + request.substr(0, request.size() - 1) +
                   "' on " + device_ + ": " + std::strerror(err));
  return events();
}

} // namespace inxpect
