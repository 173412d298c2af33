// The programs the benchmarks time, loaded and ready for BPF_PROG_TEST_RUN:
// builds of bench/bpf/example_entry.c (bare, floor, instrumented) and the
// fentry/fexit pair attached to a bare one.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "counters/CounterSource.h"
#include "object/LiveProgram.h"
#include "object/LoadedObject.h"
#include "profile/StatsReader.h"

struct bpf_object;
struct bpf_link;

namespace bench {

// The name every build of example_entry.c gives its XDP program.
inline constexpr char kEntryProgram[] = "bench_entry";

// Entries and counter total added up by a hand-written measuring program
// (the floor's floor_totals, the fexit's fexit_totals), all CPUs.
struct MeasuredTotals {
  uint64_t count = 0;
  uint64_t total = 0;
};

// A bare or floor build, loaded with libbpf (only bench_entry: the
// example's own entry function is inlined in it) and its maps seeded.
class PlainProgram {
public:
  PlainProgram(const std::string &path, const std::string &example);
  ~PlainProgram();
  PlainProgram(const PlainProgram &) = delete;
  PlainProgram &operator=(const PlainProgram &) = delete;

  int fd() const;
  // floor_totals of a floor build; zeros for a bare one.
  MeasuredTotals floorTotals() const;

private:
  bpf_object *obj_ = nullptr;
};

// An instrumented build, loaded the way inxpect-run loads one (stats map
// sized for this machine), whose sampling rate is changed between runs
// through its mmaped .data.inxpect map, as inxpect-run does live.
class InstrumentedProgram {
public:
  InstrumentedProgram(const std::string &path, const std::string &example);

  int fd() const { return object_->programFd(); }
  unsigned sections() const { return object_->layout().nsections; }
  void setSampleEvery(uint32_t every) { program_->config().setSampleEvery(0, every); }
  // The default event's bpf_inxpect_read() argument (0, the TSC, unless set).
  void setCounter(uint32_t counter) { program_->config().setCounter(0, counter); }
  // Switches off, through inxpect_section_off, every section that is not of
  // `kind` ("function"): annotated regions are always instrumented, and a
  // whole-program measurement wants the entry function's section alone.
  // Returns the sections left on.
  unsigned keepOnly(const std::string &kind);
  // Measures exactly `events`, every run, with every section on (a profile
  // as inxpect-run replay starts it).
  void configure(const std::vector<inxpect::EventInfo> &events);
  // The id of the section called `name` in the embedded table; throws
  // std::runtime_error when there is none.
  unsigned sectionId(const std::string &name) const;
  // Entry-program runs the object counted itself, and the statistics.
  inxpect::Snapshot snapshot() const { return reader_->snapshot(); }

private:
  nlohmann::json sectionTable() const; // the embedded table: [{id, name, kind, ...}]

  std::unique_ptr<inxpect::LoadedObject> object_;
  std::unique_ptr<inxpect::LiveProgram> program_; // its configuration, mapped
  std::unique_ptr<inxpect::StatsReader> reader_;
};

// bench/bpf/fentry_fexit.bpf.c loaded against a program and attached.
class FentryFexit {
public:
  FentryFexit(const std::string &path, int targetFd);
  ~FentryFexit();
  FentryFexit(const FentryFexit &) = delete;
  FentryFexit &operator=(const FentryFexit &) = delete;

  MeasuredTotals totals() const; // fexit_totals

private:
  bpf_object *obj_ = nullptr;
  bpf_link *entry_ = nullptr, *exit_ = nullptr;
};

} // namespace bench
