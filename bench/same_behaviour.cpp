// inxpect-same-behaviour ORIGINAL.o INSTRUMENTED.o [--synthetic N | --pcap FILE]:
// loads both objects (as root), and for each XDP program of the original
// runs the same packets through it and through the instrumented one with
// BPF_PROG_TEST_RUN, comparing verdicts and output bytes packet by packet.
// Maps start empty in both (nothing is seeded). Prints one JSON object:
//   {"packets": N, "programs": [{"name", "original_verified_insns",
//    "instrumented_verified_insns", "differing", "first_difference"}]}
// or {"error": ..., "side": "original"|"instrumented"} when one does not load.
// Exit 0: the same; 3: a program behaves differently; 1: an object does not
// load; 2: usage. scripts/adopt-check.py runs it for every file and mode.
#include <cstdarg>
#include <cstdio>
#include <string>
#include <vector>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <nlohmann/json.hpp>

#include "compare/Behaviour.h"
#include "traffic/PcapReader.h"
#include "traffic/Replay.h"
#include "traffic/SyntheticTraffic.h"

namespace {

std::string gMessages;

int keepMessages(enum libbpf_print_level level, const char *format, va_list args) {
  if (level == LIBBPF_DEBUG)
    return 0;
  va_list copy;
  va_copy(copy, args);
  int n = std::vsnprintf(nullptr, 0, format, copy);
  va_end(copy);
  if (n > 0) {
    std::string text(n + 1, '\0');
    std::vsnprintf(text.data(), text.size(), format, args);
    text.resize(n);
    gMessages += text;
  }
  return n;
}

// The verifier's last words (the line before "processed N insns"), or
// libbpf's last line.
std::string loadFailureReason() {
  std::size_t end = gMessages.find("\nprocessed ");
  if (end == std::string::npos)
    end = gMessages.find_last_not_of('\n');
  std::size_t begin = gMessages.rfind('\n', end == std::string::npos ? end : end - 1);
  std::string reason = gMessages.substr(begin == std::string::npos ? 0 : begin + 1,
                                        end == std::string::npos ? std::string::npos
                                                                 : end - begin - 1);
  return reason;
}

uint32_t verifiedInsns(int fd) {
  bpf_prog_info info{};
  __u32 len = sizeof info;
  return bpf_obj_get_info_by_fd(fd, &info, &len) == 0 ? info.verified_insns : 0;
}

} // namespace

int compareObjects(int argc, char **argv);

int main(int argc, char **argv) {
  try {
    return compareObjects(argc, argv);
  } catch (const std::exception &e) {
    std::puts(nlohmann::json({{"error", e.what()}, {"side", "instrumented"}}).dump().c_str());
    return 1;
  }
}

int compareObjects(int argc, char **argv) {
  if (argc != 3 && argc != 5) {
    std::fprintf(stderr, "usage: inxpect-same-behaviour ORIGINAL.o INSTRUMENTED.o "
                         "[--synthetic N | --pcap FILE] (as root)\n");
    return 2;
  }
  std::string source = argc == 5 ? argv[3] : "--synthetic";
  inxpect::PacketSet packets = source == "--pcap" ? inxpect::readPcap(argv[4])
                                                  : inxpect::syntheticTraffic(
                                                        argc == 5 ? std::stoul(argv[4]) : 200);
  libbpf_set_print(keepMessages);
  nlohmann::ordered_json out;
  bpf_object *objs[2] = {};
  const char *sides[2] = {"original", "instrumented"};
  for (int i = 0; i < 2; ++i) {
    gMessages.clear();
    objs[i] = bpf_object__open_file(argv[i + 1], nullptr);
    if (!objs[i] || bpf_object__load(objs[i]) != 0) {
      out = {{"error", loadFailureReason()}, {"side", sides[i]}};
      std::puts(out.dump().c_str());
      return 1;
    }
  }
  out["packets"] = packets.packets.size();
  out["programs"] = nlohmann::json::array();
  bool same = true;
  bpf_program *prog;
  bpf_object__for_each_program(prog, objs[0]) {
    if (bpf_program__type(prog) != BPF_PROG_TYPE_XDP)
      continue;
    bpf_program *other = bpf_object__find_program_by_name(objs[1], bpf_program__name(prog));
    nlohmann::ordered_json p = {{"name", bpf_program__name(prog)},
                                {"original_verified_insns", verifiedInsns(bpf_program__fd(prog))}};
    if (!other) {
      p["first_difference"] = "the instrumented object has no such program";
      same = false;
      out["programs"].push_back(p);
      continue;
    }
    p["instrumented_verified_insns"] = verifiedInsns(bpf_program__fd(other));
    inxpect::BehaviourComparison behaviour;
    inxpect::compareOutcomes(inxpect::runEachPacket(bpf_program__fd(prog), packets.packets),
                             inxpect::runEachPacket(bpf_program__fd(other), packets.packets),
                             behaviour);
    std::size_t differing = behaviour.otherVerdict + behaviour.otherBytes;
    if (const auto &first = behaviour.first)
      p["first_difference"] = "packet " + std::to_string(first->packet - 1) + ": verdict " +
                              std::to_string(first->a) + " against " + std::to_string(first->b) +
                              (first->a == first->b ? ", other bytes out" : "");
    p["differing"] = differing;
    same = same && differing == 0;
    out["programs"].push_back(p);
  }
  std::puts(out.dump().c_str());
  bpf_object__close(objs[0]);
  bpf_object__close(objs[1]);
  return same ? 0 : 3;
}
