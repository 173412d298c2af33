// inxpect-bench-accuracy: how close the corrected figures come to what the
// program costs without probes. For every example, in one interleaved run
// (every variant once a round, the order rotated each round), it times:
//   null       bench/bpf/null_work.c in the example's place: what surrounds
//              the example (the test-run loop, the packet's restore)
//   null-push  (--pushed examples) the same pushing a header first, so that
//              the restore pops one as it does after the example
//   bare       the example alone (bare - null: its own cost)
//   MODE       the example instrumented in each mode (annotations,
//              functions, loops, both), every run measured, the probes'
//              cost calibrated just before and just after the call, as
//              inxpect-run replay does
// and prints every round as JSON (schema in bench/accuracy.sh): the ns a
// run of each variant and, for each mode, the entry section's raw, corrected
// inclusive and summed self figures, computed by the runner's own code.
// Objects come from bench/accuracy.sh: DIR/NAME.{null,null-push,bare,entry,
// all,loops,both}.o.
#include <sched.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "BenchPrograms.h"
#include "DriverArgs.h"
#include "ExampleTraffic.h"
#include "TestRun.h"
#include "counters/CounterSource.h"
#include "profile/Calibration.h"
#include "profile/Figures.h"

namespace {

// The modes of issue 12 and the build of each (bench/build_example_variants.sh).
struct Mode {
  const char *name, *object;
};
constexpr Mode kModes[] = {
    {"annotations", "entry"}, {"functions", "all"}, {"loops", "loops"}, {"both", "both"}};

struct Options {
  std::string objects;
  unsigned rounds = 9;
  uint32_t repeat = 100000;
  std::vector<std::string> restored, pushed, examples;
  // Calibrate around each instrumented call (the host's clock changes its
  // cost from moment to moment), or once around each round's calls
  // (instruction counts do not change; each calibration loads an object).
  bool calibrateEachCall = true;
};

[[noreturn]] void usage() {
  std::fprintf(stderr, "usage: inxpect-bench-accuracy --objects DIR [--rounds N] [--repeat R] "
                       "[--restored NAME,...] [--pushed NAME,...]\n"
                       "  [--calibrate call|round] EXAMPLE... (as root)\n");
  std::exit(2);
}

Options parse(int argc, char **argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc)
        usage();
      return argv[++i];
    };
    if (a == "--objects")
      o.objects = value();
    else if (a == "--rounds")
      o.rounds = std::stoul(value());
    else if (a == "--repeat")
      o.repeat = std::stoul(value());
    else if (a == "--restored")
      o.restored = bench::splitList(value());
    else if (a == "--pushed")
      o.pushed = bench::splitList(value());
    else if (a == "--calibrate") {
      std::string when = value();
      if (when != "call" && when != "round")
        usage();
      o.calibrateEachCall = when == "call";
    }
    else if (!a.empty() && a[0] == '-')
      usage();
    else
      o.examples.push_back(a);
  }
  if (o.objects.empty() || o.examples.empty() || o.rounds == 0 || o.repeat == 0)
    usage();
  return o;
}

// One instrumented build and its rounds.
struct Profiled {
  const Mode *mode;
  std::unique_ptr<bench::InstrumentedProgram> program;
  unsigned entry = 0; // the entry function's section
  nlohmann::json rounds = nlohmann::json::array();
};

// The figures of one round of `p`, from what its stats gained over the
// round and the probes' cost calibrated around it.
nlohmann::json roundFigures(const Profiled &p, const inxpect::Snapshot &s,
                            const inxpect::ProbeCost &cost, double ns, uint32_t repeat) {
  const inxpect::EventTotals &entry = s.sections.at(p.entry).at(0);
  // Every run enters the entry section; one run in a few times it (strata).
  uint64_t entered = entry.count + s.untimed.at(p.entry);
  if (entered != repeat || !entry.count)
    throw std::runtime_error(std::string(p.mode->name) + ": the entry section counted " +
                             std::to_string(entered) + " of " + std::to_string(repeat) +
                             " runs, timed " + std::to_string(entry.count));
  if (!s.selfKept)
    throw std::runtime_error("the object keeps no self figures: rebuild it with this runtime header");
  std::optional<inxpect::Corrected> inclusive = inxpect::correctedMean(entry, cost);
  // Self costs a run: each section's self cost an entry times its entries a run.
  double selfSum = 0, selfClamped = 0;
  bool selfUncertain = false;
  for (std::size_t id = 0; id < s.sections.size(); ++id) {
    const inxpect::EventTotals &t = s.sections[id].at(0);
    double perRun = double(t.count + s.untimed.at(id)) / repeat;
    if (std::optional<inxpect::Corrected> self = inxpect::correctedSelfMean(t, cost)) {
      selfSum += self->mean * perRun;
      selfUncertain |= self->uncertain;
      // Clamped at 0: the sum then exceeds the inclusive cost, which the
      // same subtraction keeps equal to it otherwise.
      if (self->mean == 0)
        selfClamped += perRun;
    }
  }
  return {{"ns", ns},
          {"raw", double(entry.total) / entry.count},
          {"inclusive", inclusive->mean},
          {"uncertain", inclusive->uncertain},
          {"self_sum", selfSum},
          {"self_uncertain", selfUncertain},
          {"self_clamped", selfClamped},
          {"nested_per_entry", double(entry.nested) / entry.count},
          {"own", cost.own.mean},
          {"own_spread", cost.own.spread},
          {"nested_cost", cost.nested.mean},
          {"nested_spread", cost.nested.spread}};
}

nlohmann::json measureExample(const Options &o, const std::vector<inxpect::EventInfo> &events,
                              const std::string &example) {
  std::string base = o.objects + "/" + example;
  bool pushed = bench::listed(o.pushed, example);
  // The null builds have none of the example's maps to fill.
  bench::PlainProgram null(base + ".null.o", "null");
  std::unique_ptr<bench::PlainProgram> nullPush;
  if (pushed)
    nullPush = std::make_unique<bench::PlainProgram>(base + ".null-push.o", "null");
  bench::PlainProgram bare(base + ".bare.o", example);
  std::vector<Profiled> profiled;
  for (const Mode &mode : kModes) {
    Profiled p{&mode, std::make_unique<bench::InstrumentedProgram>(base + "." + mode.object + ".o", example)};
    p.program->configure(events);
    p.entry = p.program->sectionId("xdp_" + example);
    profiled.push_back(std::move(p));
  }

  // A variant: its name, its program, and for an instrumented one its build.
  struct Variant {
    std::string name;
    int fd;
    Profiled *profiled = nullptr;
    std::vector<double> ns;
  };
  std::vector<Variant> variants = {{"null", null.fd(), nullptr, {}}, {"bare", bare.fd(), nullptr, {}}};
  if (nullPush)
    variants.push_back({"null-push", nullPush->fd(), nullptr, {}});
  for (Profiled &p : profiled)
    variants.push_back({p.mode->name, p.program->fd(), &p, {}});

  bench::Packet packet = bench::mainPathPacket();
  // The null builds drop; every other build must have taken the main path.
  auto checkVerdict = [&](const std::string &variant, uint32_t got) {
    uint32_t expected = variant.rfind("null", 0) == 0 ? 1 /* XDP_DROP */ : bench::mainPathVerdict(example);
    if (got != expected)
      throw std::runtime_error(example + " " + variant + " returned " + std::to_string(got) +
                               " instead of " + std::to_string(expected));
  };
  // Once through every program first: nat opens its flow on its first run.
  for (const Variant &v : variants)
    bench::timeTestRun(v.fd, packet, 1000);
  for (unsigned round = 0; round < o.rounds; ++round) {
    struct Pending { // an instrumented call, waiting for the calibration after it
      Profiled *profiled;
      inxpect::Snapshot gained;
      double ns;
    };
    std::vector<Pending> pending;
    std::vector<inxpect::ProbeCost> before;
    if (!o.calibrateEachCall)
      before = inxpect::calibrateProbes(events);
    for (std::size_t k = 0; k < variants.size(); ++k) {
      Variant &v = variants[(k + round) % variants.size()]; // rotated: no variant always first
      if (!v.profiled) {
        bench::RunTiming t = bench::timeTestRun(v.fd, packet, o.repeat);
        checkVerdict(v.name, t.verdict);
        v.ns.push_back(t.nsPerRun);
        continue;
      }
      // Calibrated right before and right after, as a replay is (pooled).
      if (o.calibrateEachCall)
        before = inxpect::calibrateProbes(events);
      inxpect::Snapshot start = v.profiled->program->snapshot();
      bench::RunTiming t = bench::timeTestRun(v.fd, packet, o.repeat);
      Pending call{v.profiled, inxpect::difference(v.profiled->program->snapshot(), start), t.nsPerRun};
      checkVerdict(v.name, t.verdict);
      if (!o.calibrateEachCall) {
        pending.push_back(std::move(call));
        continue;
      }
      inxpect::ProbeCost cost = inxpect::pooled({before, inxpect::calibrateProbes(events)}).at(0);
      call.profiled->rounds.push_back(roundFigures(*call.profiled, call.gained, cost, call.ns, o.repeat));
    }
    if (!o.calibrateEachCall) {
      inxpect::ProbeCost cost = inxpect::pooled({before, inxpect::calibrateProbes(events)}).at(0);
      for (const Pending &p : pending)
        p.profiled->rounds.push_back(roundFigures(*p.profiled, p.gained, cost, p.ns, o.repeat));
    }
    std::fprintf(stderr, "accuracy: %s round %u/%u\n", example.c_str(), round + 1, o.rounds);
  }

  nlohmann::json out = {{"name", example},
                        {"restored", bench::listed(o.restored, example)},
                        {"pushed", pushed},
                        {"maps", bench::exampleMapsDescription(example)},
                        {"entry", "xdp_" + example},
                        {"baseline", nlohmann::json::object()},
                        {"modes", nlohmann::json::array()}};
  for (const Variant &v : variants)
    if (!v.profiled)
      out["baseline"][v.name] = v.ns;
  for (const Profiled &p : profiled)
    out["modes"].push_back(
        {{"name", p.mode->name}, {"sections", p.program->sections()}, {"rounds", p.rounds}});
  return out;
}

// Calibration and measurement on one CPU: the probes' cost may differ by CPU.
int pinToThisCpu() {
  int cpu = sched_getcpu();
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  if (sched_setaffinity(0, sizeof set, &set) != 0)
    throw std::runtime_error("cannot pin the benchmark to CPU " + std::to_string(cpu));
  return cpu;
}

} // namespace

int main(int argc, char **argv) {
  Options o = parse(argc, argv);
  try {
    int cpu = pinToThisCpu();
    // The default event of this machine's counter source, as inxpect-run
    // replay measures it without --events.
    std::vector<inxpect::EventInfo> events =
        inxpect::armEvents(inxpect::detectCounterSource(), {{"", 1}}, 1);
    nlohmann::json out = {{"step", "accuracy"},
                          {"repeat", o.repeat},
                          {"rounds", o.rounds},
                          {"cpu", cpu},
                          {"calibrate", o.calibrateEachCall ? "call" : "round"},
                          {"counter", inxpect::LoadedObject::probeCounter()},
                          {"event", {{"name", events.at(0).name}, {"unit", events.at(0).unit}}},
                          {"packet", bench::mainPathPacketDescription()},
                          {"examples", nlohmann::json::array()}};
    for (const std::string &example : o.examples)
      out["examples"].push_back(measureExample(o, events, example));
    std::cout << out.dump(1) << "\n";
  } catch (const std::exception &e) {
    std::fprintf(stderr, "inxpect-bench-accuracy: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
