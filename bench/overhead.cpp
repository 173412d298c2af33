// inxpect-bench-overhead: what profiling adds to each example, in ns a
// packet, under BPF_PROG_TEST_RUN. For every example, in one interleaved run
// (every variant once a round, the order rotated each round), it times:
//   bare          the example alone
//   floor         the example with two counter reads and one add, by hand
//   fentry-fexit  the bare example with an fentry and an fexit program
//                 attached, as perf stat -b and bpftool prog profile do
//   entry@N       inxpect, one section: the entry function (--functions;
//                 annotated regions, always instrumented, switched off at
//                 run time), sampling every Nth run
//   all@N         inxpect, every function a section (--per-function)
// and prints the rounds and their medians as JSON (schema in bench/overhead.sh).
// --kinds limits the run to some of them (bench/overhead_guest.sh times only
// what the fentry/fexit comparison needs, under emulation). --fenced has the
// floor and the probes read the kernel module's TSC fenced, as inxpect-run
// --precise does (the floor from NAME.floor-fenced.o).
// Objects come from bench/overhead.sh: DIR/NAME.{bare,floor,entry,all}.o.
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "BenchPrograms.h"
#include "DriverArgs.h"
#include "ExampleTraffic.h"
#include "Medians.h"
#include "TestRun.h"

namespace {

struct Options {
  std::string objects, fentry;
  unsigned rounds = 5;
  uint32_t repeat = 1000000;
  std::vector<uint32_t> periods{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024};
  std::vector<std::string> restored, examples;
  std::set<std::string> kinds{"bare", "floor", "fentry-fexit", "entry", "all"};
  bool fenced = false;
  bool wants(const std::string &kind) const { return kinds.count(kind) != 0; }
};

[[noreturn]] void usage() {
  std::fprintf(stderr, "usage: inxpect-bench-overhead --objects DIR --fentry FENTRY.o [--rounds N] "
                       "[--repeat R] [--periods 1,2,...] [--restored NAME,...]\n"
                       "  [--kinds bare,floor,fentry-fexit,entry,all] [--fenced] EXAMPLE... (as root)\n"
                       "  bare and floor are always timed: every overhead is over bare, checked against floor\n"
                       "  --fenced: the kernel module's fenced reads (not with fentry-fexit, whose reads are not)\n");
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
    else if (a == "--fentry")
      o.fentry = value();
    else if (a == "--rounds")
      o.rounds = std::stoul(value());
    else if (a == "--repeat")
      o.repeat = std::stoul(value());
    else if (a == "--periods") {
      o.periods.clear();
      for (const std::string &p : bench::splitList(value()))
        o.periods.push_back(std::stoul(p));
    } else if (a == "--restored")
      o.restored = bench::splitList(value());
    else if (a == "--kinds") {
      std::vector<std::string> kinds = bench::splitList(value());
      o.kinds = {kinds.begin(), kinds.end()};
    } else if (a == "--fenced")
      o.fenced = true;
    else if (!a.empty() && a[0] == '-')
      usage();
    else
      o.examples.push_back(a);
  }
  if (o.objects.empty() || o.fentry.empty() || o.examples.empty() || o.rounds == 0 || o.periods.empty())
    usage();
  for (const std::string &kind : o.kinds)
    if (kind != "bare" && kind != "floor" && kind != "fentry-fexit" && kind != "entry" && kind != "all")
      usage();
  if (!o.wants("bare") || !o.wants("floor") || (o.fenced && o.wants("fentry-fexit")))
    usage();
  return o;
}

// One thing timed a round: how to ready it, which program to run, and the
// rounds' figures.
struct Variant {
  std::string name, kind; // kind: bare, floor, fentry-fexit, entry, all
  uint32_t sampleEvery = 0;
  std::function<void()> prepare;
  int fd = -1;
  std::vector<double> ns, kernelNs;
  uint64_t runs = 0;
};

Variant variant(const std::string &name, const std::string &kind, int fd, uint32_t sampleEvery = 0,
                std::function<void()> prepare = {}) {
  Variant v;
  v.name = name;
  v.kind = kind;
  v.fd = fd;
  v.sampleEvery = sampleEvery;
  v.prepare = std::move(prepare);
  return v;
}

nlohmann::json totalsJson(const bench::MeasuredTotals &t, uint64_t runs) {
  return {{"count", t.count},
          {"runs", runs},
          {"reported_ns", t.count ? double(t.total) / t.count : 0.0}};
}

nlohmann::json measureExample(const Options &o, const std::string &example, bool restored) {
  std::string base = o.objects + "/" + example;
  bench::PlainProgram bare(base + ".bare.o", example);
  bench::PlainProgram floorProgram(base + (o.fenced ? ".floor-fenced.o" : ".floor.o"), example);
  // Some kernels refuse tracing programs (a security policy, no trampolines):
  // the page then says so instead of comparing.
  std::unique_ptr<bench::PlainProgram> traced; // a copy of bare of its own for fentry/fexit
  std::unique_ptr<bench::FentryFexit> tracer;
  std::string tracerError;
  if (o.wants("fentry-fexit")) {
    traced = std::make_unique<bench::PlainProgram>(base + ".bare.o", example);
    try {
      tracer = std::make_unique<bench::FentryFexit>(o.fentry, traced->fd());
    } catch (const std::exception &e) {
      tracerError = e.what();
    }
  }
  std::unique_ptr<bench::InstrumentedProgram> entry, all;
  unsigned entrySectionsOn = 0;
  uint64_t entryRunsBefore = 0, allRunsBefore = 0;
  // The default event's counter: the TSC with the module, fenced as --precise sets it.
  uint32_t counter = o.fenced ? inxpect::kInxpectReadFenced : 0;
  if (o.wants("entry")) {
    entry = std::make_unique<bench::InstrumentedProgram>(base + ".entry.o", example);
    entrySectionsOn = entry->keepOnly("function"); // cms's regions off: the entry alone
    entry->setCounter(counter);
    entryRunsBefore = entry->snapshot().runs;
  }
  if (o.wants("all")) {
    all = std::make_unique<bench::InstrumentedProgram>(base + ".all.o", example);
    all->setCounter(counter);
    allRunsBefore = all->snapshot().runs;
  }

  std::vector<Variant> variants;
  variants.push_back(variant("bare", "bare", bare.fd()));
  variants.push_back(variant("floor", "floor", floorProgram.fd()));
  if (tracer)
    variants.push_back(variant("fentry-fexit", "fentry-fexit", traced->fd()));
  for (bench::InstrumentedProgram *program : {entry.get(), all.get()}) {
    if (!program)
      continue;
    std::string kind = program == entry.get() ? "entry" : "all";
    for (uint32_t n : o.periods)
      variants.push_back(variant(kind + "@" + std::to_string(n), kind, program->fd(), n,
                                 [program, n] { program->setSampleEvery(n); }));
  }

  bench::Packet packet = bench::mainPathPacket();
  uint32_t verdict = bench::mainPathVerdict(example);
  for (unsigned round = 0; round < o.rounds; ++round) {
    for (std::size_t k = 0; k < variants.size(); ++k) {
      Variant &v = variants[(k + round) % variants.size()]; // rotated: no variant always first
      if (v.prepare)
        v.prepare();
      bench::RunTiming t = bench::timeTestRun(v.fd, packet, o.repeat);
      if (t.verdict != verdict)
        throw std::runtime_error(example + " " + v.name + " returned " + std::to_string(t.verdict) +
                                 " instead of " + std::to_string(verdict) +
                                 ": the packet left the main path");
      v.ns.push_back(t.nsPerRun);
      v.kernelNs.push_back(t.kernelNs);
      v.runs += o.repeat;
    }
    std::fprintf(stderr, "overhead: %s round %u/%u\n", example.c_str(), round + 1, o.rounds);
  }

  auto runsOf = [&](const std::string &kind) {
    uint64_t n = 0;
    for (const Variant &v : variants)
      n += v.kind == kind ? v.runs : 0;
    return n;
  };
  // Every measuring variant must have seen every run: the figures are exact.
  nlohmann::json checks = {{"floor", totalsJson(floorProgram.floorTotals(), runsOf("floor"))}};
  bool exact = checks["floor"]["count"] == checks["floor"]["runs"];
  if (tracer) {
    checks["fentry-fexit"] = totalsJson(tracer->totals(), runsOf("fentry-fexit"));
    exact &= checks["fentry-fexit"]["count"] == checks["fentry-fexit"]["runs"];
  }
  for (auto [kind, program, before] : {std::tuple{"entry", entry.get(), entryRunsBefore},
                                       std::tuple{"all", all.get(), allRunsBefore}}) {
    if (!program)
      continue;
    checks[kind] = {{"runs", runsOf(kind)}, {"counted_runs", program->snapshot().runs - before}};
    exact &= checks[kind]["counted_runs"] == checks[kind]["runs"];
  }
  if (!exact)
    throw std::runtime_error(example + ": a profiler missed runs: " + checks.dump());

  nlohmann::json out = {{"name", example},
                        {"restored", restored},
                        {"maps", bench::exampleMapsDescription(example)},
                        {"sections_all", all ? nlohmann::json(all->sections()) : nlohmann::json()},
                        {"sections_entry", entry ? nlohmann::json(entry->sections()) : nlohmann::json()},
                        {"sections_entry_on", entrySectionsOn},
                        {"checks", checks},
                        {"fentry_fexit_error", tracerError},
                        {"variants", nlohmann::json::array()}};
  for (const Variant &v : variants)
    out["variants"].push_back({{"name", v.name},
                               {"kind", v.kind},
                               {"sample_every", v.sampleEvery ? nlohmann::json(v.sampleEvery) : nlohmann::json()},
                               {"ns", v.ns},
                               {"kernel_ns", v.kernelNs},
                               {"median_ns", bench::median(v.ns)}});
  return out;
}

} // namespace

int main(int argc, char **argv) {
  Options o = parse(argc, argv);
  try {
    // An older module, or none, would read 0 for the fenced flag.
    if (o.fenced && inxpect::inxpectKfuncAbi() < 2)
      throw std::runtime_error("--fenced needs the inxpect kernel module loaded (INXPECT_KFUNC_ABI_2 or later)");
    nlohmann::json out = {{"step", "overhead"},
                          {"repeat", o.repeat},
                          {"rounds", o.rounds},
                          {"periods", o.periods},
                          {"counter", inxpect::LoadedObject::probeCounter()},
                          {"fenced", o.fenced},
                          {"packet", bench::mainPathPacketDescription()},
                          {"examples", nlohmann::json::array()}};
    for (const std::string &example : o.examples) {
      out["examples"].push_back(measureExample(o, example, bench::listed(o.restored, example)));
    }
    std::cout << out.dump(1) << "\n";
  } catch (const std::exception &e) {
    std::fprintf(stderr, "inxpect-bench-overhead: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
