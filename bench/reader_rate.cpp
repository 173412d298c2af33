// inxpect-bench-reader ROUNDS ROUND_MS OBJ...: snapshots a second of
// inxpect-run's StatsReader for each loaded object, in interleaved rounds
// (every reader once per round, in turn), so a noisy machine slows all of
// them alike. Objects built with the per-CPU map layout are also read with
// one bpf_map_lookup_batch, a system call for all sections, to see what the
// reader would gain from it. Prints one JSON object a line:
//   {"object": PATH, "layout": "cpu-slots"|"percpu-map", "reader": "mmap"|
//    "lookup"|"batch", "sections": N, "cpus": C, "reads_per_s": [one per round]}
#include <bpf/bpf.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "object/LoadedObject.h"
#include "RunError.h"
#include "profile/StatsReader.h"

namespace {

struct Reader {
  std::string object, layout, reader;
  unsigned sections = 0, cpus = 0;
  std::function<void()> read;
  std::vector<double> rates;
};

// The per-CPU map read with one batch lookup: what StatsReader does with one
// lookup a section, in one system call (plus the run counter, as it does).
std::function<void()> batchRead(const inxpect::StatsLayout &layout) {
  auto keys = std::make_shared<std::vector<uint32_t>>(layout.nsections);
  auto values = std::make_shared<std::vector<unsigned char>>(std::size_t(layout.nsections) *
                                                             layout.ncpus * layout.slotSize);
  auto slots = std::make_shared<std::vector<unsigned char>>(values->size());
  auto runs = std::make_shared<std::vector<unsigned char>>(std::size_t(layout.ncpus) *
                                                           layout.runsValueSize);
  return [=] {
    uint32_t out = 0, count = layout.nsections, zero = 0;
    LIBBPF_OPTS(bpf_map_batch_opts, opts);
    int err = bpf_map_lookup_batch(layout.statsFd, nullptr, &out, keys->data(), values->data(),
                                   &count, &opts);
    if ((err && errno != ENOENT) || count != layout.nsections)
      throw inxpect::RunError(std::string("bpf_map_lookup_batch: ") + std::strerror(errno));
    // Values come section by section, CPUs inside: lay them out as CPU slots.
    for (unsigned id = 0; id < layout.nsections; ++id)
      for (unsigned cpu = 0; cpu < layout.ncpus; ++cpu)
        std::memcpy(slots->data() + (std::size_t(cpu) * layout.nsections + id) * layout.slotSize,
                    values->data() + (std::size_t(id) * layout.ncpus + cpu) * layout.slotSize,
                    layout.slotSize);
    inxpect::Snapshot snap = inxpect::sumSlots(slots->data(), layout);
    if (bpf_map_lookup_elem(layout.runsFd, &zero, runs->data()))
      throw inxpect::RunError(std::string("cannot read inxpect_runs: ") + std::strerror(errno));
    (void)snap;
  };
}

double readsPerSecond(const std::function<void()> &read, std::chrono::milliseconds span) {
  using clock = std::chrono::steady_clock;
  auto start = clock::now(), end = start + span;
  long reads = 0;
  auto now = start;
  do {
    read();
    ++reads;
    now = clock::now();
  } while (now < end);
  return reads / std::chrono::duration<double>(now - start).count();
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: inxpect-bench-reader ROUNDS ROUND_MS OBJ... (as root)\n");
    return 2;
  }
  int rounds = std::atoi(argv[1]);
  std::chrono::milliseconds span(std::atoi(argv[2]));
  try {
    std::vector<std::unique_ptr<inxpect::LoadedObject>> objects;
    std::vector<std::unique_ptr<inxpect::StatsReader>> statsReaders;
    std::vector<Reader> readers;
    for (int i = 3; i < argc; ++i) {
      objects.push_back(inxpect::LoadedObject::open(argv[i], ""));
      objects.back()->load();
      inxpect::StatsLayout layout = objects.back()->statsLayout();
      statsReaders.push_back(std::make_unique<inxpect::StatsReader>(layout));
      const inxpect::StatsReader *sr = statsReaders.back().get();
      bool perCpu = layout.kind == inxpect::StatsKind::PerCpuMap;
      Reader r{argv[i], inxpect::statsKindName(layout.kind), perCpu ? "lookup" : "mmap",
               layout.nsections, layout.ncpus, [sr] { (void)sr->snapshot(); }, {}};
      readers.push_back(r);
      if (perCpu) {
        r.reader = "batch";
        r.read = batchRead(layout);
        readers.push_back(r);
      }
    }
    for (int round = 0; round < rounds; ++round)
      for (Reader &r : readers)
        r.rates.push_back(readsPerSecond(r.read, span));
    for (const Reader &r : readers) {
      std::printf("{\"object\": \"%s\", \"layout\": \"%s\", \"reader\": \"%s\", \"sections\": %u, "
                  "\"cpus\": %u, \"reads_per_s\": [",
                  r.object.c_str(), r.layout.c_str(), r.reader.c_str(), r.sections, r.cpus);
      for (std::size_t i = 0; i < r.rates.size(); ++i)
        std::printf("%s%.0f", i ? ", " : "", r.rates[i]);
      std::printf("]}\n");
    }
  } catch (const std::exception &e) {
    std::fprintf(stderr, "inxpect-bench-reader: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
