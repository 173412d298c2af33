// The rewrite's edits: text inserted at file offsets, so the original code
// stays as it was between them. The one replacement is an #include's file
// name, redirected to a rewritten header (OwnHeaders.h).
#pragma once

#include <string>
#include <vector>

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace inxpect {

// Where insertions meet at one offset, in the order they go in: what ends a
// construct before what starts one, so that the inserted text nests as the
// code it wraps does.
enum class Phase {
  EndsBeforeCallClose,    // ")" after a call the open sections end in front of
  DivertedValueClose,     // a diverted return's value, closed around that ")"
  EndsBeforeGotoClose,    // "}" after a goto a range ends in front of
  SectionClose,           // section closers, inner first
  Standalone,             // text that opens and closes nothing: function probes, run and
                          // context starts, manual ids, initialisers, the include, the table
  ReturnValueDeclaration, // a diverted return's variable, after the function's probe
  SectionOpen,            // section openers, outer first
  EndsBeforeGotoOpen,     // the ends in front of a goto
  DivertedValueOpen,      // a diverted return's value, opened around a call's ends
  EndsBeforeCallOpen,     // the ends in front of a call
};

// A section's text comes in two layers: its probe, and outside it the block
// a diverted return needs around the section (SectionReturns.h).
enum class Layer { DivertedBlock, Probe };

struct InsertionOrder {
  Phase phase = Phase::Standalone;
  unsigned section = 0;       // SectionOpen, SectionClose: the section's id
  Layer layer = Layer::Probe; // SectionOpen, SectionClose: which of its layers
};

// By phase; within SectionOpen outside-in (lower ids, which are outer, then
// the outer layer first), within SectionClose inside-out.
bool operator<(const InsertionOrder &a, const InsertionOrder &b);

struct Insertion {
  unsigned offset;
  std::string text;
  InsertionOrder order = {};
  unsigned replaced = 0; // bytes of the original the text replaces
};

// Applies the insertions; several at one offset go by their order, then in
// the order given.
llvm::Expected<std::string> applyInsertions(llvm::StringRef code,
                                            const std::vector<Insertion> &insertions);

} // namespace inxpect
