// inxpect-bench-layouts: the three layouts of inxpect's statistics
// (runtime/bpf/inxpect.h: CPU slots, one global slot with atomics, a per-CPU
// map) with both CPUs profiling at once. A variant runs two threads pinned
// to CPU 0 and CPU 1, released together, each timing BPF_PROG_TEST_RUN on
// the same program (it runs on the calling CPU); a round times every
// variant once, in an order rotated every round. Prints JSON (schema in
// bench/layouts.sh).
//   inxpect-bench-layouts [--rounds N] [--repeat R]
//       --example NAME VARIANT=OBJ... [--example NAME VARIANT=OBJ...]
// VARIANT "bare" is the example alone; any other is an instrumented build.
#include <pthread.h>
#include <sched.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "BenchPrograms.h"
#include "ExampleTraffic.h"
#include "Medians.h"
#include "TestRun.h"

namespace {

constexpr unsigned kCpus = 2;

struct VariantSpec {
  std::string name, path;
};

struct ExampleSpec {
  std::string name;
  std::vector<VariantSpec> variants;
};

struct Options {
  unsigned rounds = 5;
  uint32_t repeat = 1000000;
  std::vector<ExampleSpec> examples;
};

[[noreturn]] void usage() {
  std::fprintf(stderr, "usage: inxpect-bench-layouts [--rounds N] [--repeat R] "
                       "--example NAME VARIANT=OBJ... [--example ...] (as root)\n");
  std::exit(2);
}

Options parse(int argc, char **argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if ((a == "--rounds" || a == "--repeat" || a == "--example") && i + 1 >= argc)
      usage();
    if (a == "--rounds")
      o.rounds = std::stoul(argv[++i]);
    else if (a == "--repeat")
      o.repeat = std::stoul(argv[++i]);
    else if (a == "--example")
      o.examples.push_back({argv[++i], {}});
    else if (a.find('=') != std::string::npos && !o.examples.empty())
      o.examples.back().variants.push_back({a.substr(0, a.find('=')), a.substr(a.find('=') + 1)});
    else
      usage();
  }
  if (o.examples.empty() || o.rounds == 0)
    usage();
  return o;
}

// Both CPUs run `repeat` packets through `fd` at once; returns each CPU's
// ns a packet.
std::vector<double> runOnBothCpus(int fd, const bench::Packet &packet, uint32_t repeat,
                                  uint32_t verdict) {
  std::vector<double> ns(kCpus);
  std::vector<std::string> errors(kCpus);
  std::atomic<unsigned> ready{0};
  std::vector<std::thread> threads;
  for (unsigned cpu = 0; cpu < kCpus; ++cpu)
    threads.emplace_back([&, cpu] {
      cpu_set_t set;
      CPU_ZERO(&set);
      CPU_SET(cpu, &set);
      if (pthread_setaffinity_np(pthread_self(), sizeof set, &set) != 0)
        errors[cpu] = "cannot pin a thread to CPU " + std::to_string(cpu);
      ready.fetch_add(1);
      while (ready.load() < kCpus) // released together
        ;
      try {
        bench::RunTiming t = bench::timeTestRun(fd, packet, repeat);
        ns[cpu] = t.nsPerRun;
        if (t.verdict != verdict)
          errors[cpu] = "verdict " + std::to_string(t.verdict) + " instead of " + std::to_string(verdict);
      } catch (const std::exception &e) {
        errors[cpu] = e.what();
      }
    });
  for (std::thread &t : threads)
    t.join();
  for (const std::string &e : errors)
    if (!e.empty())
      throw std::runtime_error(e);
  return ns;
}

struct Variant {
  std::string name;
  std::unique_ptr<bench::PlainProgram> bare;
  std::unique_ptr<bench::InstrumentedProgram> instrumented;
  std::vector<std::vector<double>> ns; // [round][cpu]
  std::vector<double> mean;            // [round]: the two CPUs' mean
  uint64_t runs = 0;
  int fd() const { return bare ? bare->fd() : instrumented->fd(); }
};

nlohmann::json measureExample(const Options &o, const ExampleSpec &spec) {
  std::vector<Variant> variants(spec.variants.size());
  for (std::size_t i = 0; i < spec.variants.size(); ++i) {
    variants[i].name = spec.variants[i].name;
    if (spec.variants[i].name == "bare")
      variants[i].bare = std::make_unique<bench::PlainProgram>(spec.variants[i].path, spec.name);
    else {
      variants[i].instrumented =
          std::make_unique<bench::InstrumentedProgram>(spec.variants[i].path, spec.name);
      variants[i].instrumented->setSampleEvery(1);
    }
  }
  bench::Packet packet = bench::mainPathPacket();
  uint32_t verdict = bench::mainPathVerdict(spec.name);
  for (unsigned round = 0; round < o.rounds; ++round) {
    for (std::size_t k = 0; k < variants.size(); ++k) {
      Variant &v = variants[(k + round) % variants.size()];
      std::vector<double> ns = runOnBothCpus(v.fd(), packet, o.repeat, verdict);
      v.ns.push_back(ns);
      v.mean.push_back((ns[0] + ns[1]) / 2);
      v.runs += uint64_t(o.repeat) * kCpus;
    }
    std::fprintf(stderr, "layouts: %s round %u/%u\n", spec.name.c_str(), round + 1, o.rounds);
  }
  nlohmann::json out = {{"name", spec.name}, {"variants", nlohmann::json::array()}};
  for (const Variant &v : variants) {
    nlohmann::json j = {{"name", v.name}, {"ns", v.ns}, {"mean_ns", v.mean}, {"median_ns", bench::median(v.mean)}};
    if (v.instrumented) {
      // Every run counted, whatever the layout: the figures are exact.
      uint64_t counted = v.instrumented->snapshot().runs;
      if (counted != v.runs)
        throw std::runtime_error(spec.name + " " + v.name + " counted " + std::to_string(counted) +
                                 " runs of " + std::to_string(v.runs));
      j["sections"] = v.instrumented->sections();
      j["runs"] = v.runs;
      j["counted_runs"] = counted;
    }
    out["variants"].push_back(j);
  }
  return out;
}

} // namespace

int main(int argc, char **argv) {
  Options o = parse(argc, argv);
  try {
    if (std::thread::hardware_concurrency() < kCpus)
      throw std::runtime_error("this benchmark needs two CPUs");
    nlohmann::json out = {{"step", "layouts"},
                          {"repeat", o.repeat},
                          {"rounds", o.rounds},
                          {"cpus", kCpus},
                          {"counter", inxpect::LoadedObject::probeCounter()},
                          {"packet", bench::mainPathPacketDescription()},
                          {"examples", nlohmann::json::array()}};
    for (const ExampleSpec &spec : o.examples)
      out["examples"].push_back(measureExample(o, spec));
    std::cout << out.dump(1) << "\n";
  } catch (const std::exception &e) {
    std::fprintf(stderr, "inxpect-bench-layouts: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
