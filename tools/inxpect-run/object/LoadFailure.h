// Why the kernel refused to load an object, in a sentence that says what to
// do: not root, no BPF in this kernel, a verifier limit, another rejection.
#pragma once

#include <string>

namespace inxpect {

// `err` is bpf_object__load()'s negative errno; `libbpfMessages` is what
// libbpf printed during the load (the verifier log, when there was one).
// `explaining`: --explain-verifier's report follows, so the budget's message
// does not offer it.
std::string explainLoadFailure(const std::string &path, int err, const std::string &libbpfMessages,
                               bool explaining = false);

// Reads a verifier log for the limits probes can push a program over (the
// instruction budget, the 512-byte stack, the jump sequence limit) and says
// which one, where, and what to do about it, in one or two sentences; ""
// when the log shows no such limit.
std::string explainVerifierLimit(const std::string &log, bool explaining = false);

// True when the log ends at the verifier's budget of processed instructions.
bool isOverInstructionBudget(const std::string &log);

// True when libbpf printed a verifier log among `libbpfMessages`.
bool hasVerifierLog(const std::string &libbpfMessages);

} // namespace inxpect
