#include "object/ProgramConfig.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <sys/mman.h>
#include <unistd.h>

#include "RunError.h"

namespace inxpect {

ProgramConfig::ProgramConfig(int fd, std::size_t valueSize, const ConfigLayout &layout,
                       const std::string &what)
    : valueSize_(valueSize), layout_(layout) {
  long page = ::sysconf(_SC_PAGESIZE);
  mappedSize_ = (valueSize + page - 1) / page * page;
  void *m = ::mmap(nullptr, mappedSize_, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (m == MAP_FAILED)
    throw RunError(what + ": cannot map .data.inxpect for writing: " + std::strerror(errno) +
                   " (libbpf creates it mmapable; a loader that froze it leaves the "
                   "configuration read-only)");
  mem_ = static_cast<unsigned char *>(m);
  if (layout.self + layout.selfSize > valueSize || layout.sectionOff + layout.nsections > valueSize ||
      layout.configBegin + layout.configSize > valueSize)
    throw RunError(what + ": .data.inxpect is smaller than its variables: the object is damaged");
}

ProgramConfig::~ProgramConfig() {
  if (mem_)
    ::munmap(mem_, mappedSize_);
}

uint64_t ProgramConfig::manifestHash() const {
  uint64_t h;
  std::memcpy(&h, mem_ + layout_.manifestHash, sizeof h);
  return h;
}

std::string ProgramConfig::selfDescription() const {
  const char *s = reinterpret_cast<const char *>(mem_ + layout_.self);
  return std::string(s, strnlen(s, layout_.selfSize));
}

// The probes read these words while we write them: single aligned stores.
void ProgramConfig::storeU32(std::size_t offset, uint32_t value) {
  __atomic_store_n(reinterpret_cast<uint32_t *>(mem_ + offset), value, __ATOMIC_RELEASE);
}

void ProgramConfig::setEnabled(bool enabled) { storeU32(layout_.enabled, enabled ? 1 : 0); }

void ProgramConfig::setSampleEvery(unsigned event, uint32_t every) {
  if (event < layout_.configEvents)
    storeU32(layout_.sampleEvery + 4 * event, every);
}

void ProgramConfig::setCounter(unsigned event, uint32_t counter) {
  if (event < layout_.configEvents)
    storeU32(layout_.counter + 4 * event, counter);
}

namespace {

// The probes' fixed point: 1/256 of the unit, never below 0.
uint32_t fixedPoint(double v) {
  double scaled = std::round(v * 256);
  return scaled <= 0 ? 0 : scaled >= 4294967295.0 ? 4294967295u : uint32_t(scaled);
}

} // namespace

void ProgramConfig::setProbeCost(unsigned event, double own, double nested) {
  if (event >= layout_.configEvents || !layout_.probeOwn)
    return;
  storeU32(layout_.probeOwn + 4 * event, fixedPoint(own));
  storeU32(layout_.probeNested + 4 * event, fixedPoint(nested));
}

void ProgramConfig::setSectionOn(unsigned id, bool on) {
  if (id < layout_.nsections)
    __atomic_store_n(mem_ + layout_.sectionOff + id, static_cast<unsigned char>(on ? 0 : 1),
                     __ATOMIC_RELEASE);
}

bool ProgramConfig::sectionOn(unsigned id) const {
  return id < layout_.nsections && __atomic_load_n(mem_ + layout_.sectionOff + id, __ATOMIC_RELAXED) == 0;
}

void ProgramConfig::configure(const std::vector<EventInfo> &events,
                              const std::vector<bool> &sectionOn) {
  // Events off first, so no run measures a new counter at an old rate.
  for (unsigned e = 0; e < layout_.configEvents; ++e) {
    setSampleEvery(e, 0);
    setProbeCost(e, 0, 0); // binned as read until calibrated
  }
  for (const EventInfo &e : events)
    setCounter(e.index, e.counter);
  for (const EventInfo &e : events)
    setSampleEvery(e.index, e.sampleEvery);
  for (unsigned id = 0; id < sectionOn.size(); ++id)
    setSectionOn(id, sectionOn[id]);
  setEnabled(true);
}

void ProgramConfig::resetToDefaults() {
  for (unsigned e = 0; e < layout_.configEvents; ++e) {
    setSampleEvery(e, 0);
    setProbeCost(e, 0, 0);
    setCounter(e, 0);
  }
  for (unsigned id = 0; id < layout_.nsections; ++id)
    setSectionOn(id, true);
  setSampleEvery(0, 1);
  setEnabled(true);
}

} // namespace inxpect
