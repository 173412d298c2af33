// A program that writes bpf_core_type_id_local() into packets
// (programs/type_ids.c), in every mode: the same verdicts and bytes but for
// the ids, and each id names the same type in its own object's BTF. The
// numbers are not kept: the runtime's map types come before the program's
// in the instrumented object's BTF (docs/instrumenting.md, "BTF type ids").
#include <cstring>
#include <string>
#include <vector>

#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <gtest/gtest.h>

#include "Manifest.h"
#include "object/LoadedObject.h"
#include "OriginalProgram.h"
#include "ProgramBuild.h"
#include "RequireRoot.h"
#include "traffic/Replay.h"

namespace {

constexpr std::size_t kIdBytes = 8; // two __u32 ids at the packet's start

// The name of the type `id` in `obj`'s BTF, or "" if it names none.
std::string typeName(bpf_object *obj, uint32_t id) {
  const btf *types = bpf_object__btf(obj);
  const btf_type *t = types ? btf__type_by_id(types, id) : nullptr;
  return t ? btf__name_by_offset(types, t->name_off) : "";
}

uint32_t idAt(const inxpect::Packet &packet, std::size_t index) {
  uint32_t id = 0;
  std::memcpy(&id, packet.data() + index * sizeof id, sizeof id);
  return id;
}

struct Mode {
  const char *label;
  std::vector<std::string> flags; // inxpect-instrument's
};
void PrintTo(const Mode &m, std::ostream *os) { *os << m.label; }

class TypeIds : public ::testing::TestWithParam<Mode> {};

TEST_P(TypeIds, SameTypesByNameInEachObjectsOwnBtf) {
  REQUIRE_ROOT_FOR_BPF();
  const Mode &mode = GetParam();
  std::string dir = e2e::makeWorkDir(std::string("type_ids-") + mode.label);
  e2e::BuiltProgram built = e2e::buildProgram("type_ids", mode.flags, dir);
  ASSERT_FALSE(HasFatalFailure());
  ASSERT_FALSE(inxpect::readManifestFile(built.manifest).sections.empty());

  // First byte even: a flow record; odd: a drop record.
  std::vector<inxpect::Packet> packets = {inxpect::Packet(64, 0), inxpect::Packet(64, 0)};
  packets[1][0] = 1;

  e2e::OriginalProgram original;
  e2e::loadOriginal(built.original, "xdp_type_ids", original);
  ASSERT_FALSE(HasFatalFailure());
  std::vector<inxpect::PacketOutcome> expected = inxpect::runEachPacket(original.fd, packets);
  auto instrumented = inxpect::LoadedObject::open(built.instrumented, "xdp_type_ids");
  instrumented->load();
  std::vector<inxpect::PacketOutcome> got = inxpect::runEachPacket(instrumented->programFd(), packets);

  ASSERT_EQ(got.size(), expected.size());
  const char *names[2][2] = {{"flow_record", "flow_record"}, {"flow_record", "drop_record"}};
  for (std::size_t p = 0; p < got.size(); ++p) {
    EXPECT_EQ(got[p].verdict, expected[p].verdict) << "packet " << p;
    ASSERT_EQ(got[p].output.size(), expected[p].output.size());
    EXPECT_TRUE(std::equal(got[p].output.begin() + kIdBytes, got[p].output.end(),
                           expected[p].output.begin() + kIdBytes))
        << "packet " << p << ": bytes other than the ids differ";
    for (std::size_t i = 0; i < 2; ++i) {
      uint32_t was = idAt(expected[p].output, i), is = idAt(got[p].output, i);
      EXPECT_EQ(typeName(original.obj, was), names[p][i]) << "packet " << p << ", id " << i;
      EXPECT_EQ(typeName(instrumented->object(), is), names[p][i]) << "packet " << p << ", id " << i;
      EXPECT_GE(is, was) << "the runtime's types come first, so ids only grow";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(EveryMode, TypeIds,
                         ::testing::Values(Mode{"annotations", {}},
                                           Mode{"per_function", {"--per-function"}},
                                           Mode{"per_loop", {"--per-loop"}},
                                           Mode{"both", {"--per-function", "--per-loop"}}),
                         [](const ::testing::TestParamInfo<Mode> &info) { return info.param.label; });

} // namespace
