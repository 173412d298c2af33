// The run-time stacks of a profile's sections, from the figures each section
// keeps by dynamic parent: what --format folded writes. A call-graph
// profiler's arithmetic (gprof's): a section's cost is split among the
// sections it was entered inside, in proportion to what its entries cost
// inside each (exact where each section has one parent), and the stacks
// are built from the outermost sections down.
#pragma once

#include <vector>

#include "profile/Figures.h"

namespace inxpect {

struct CallStack {
  std::vector<unsigned> sections; // section ids, the outermost first
  double value = 0;               // its last section's self cost over the profile
};

struct CallStacks {
  std::vector<CallStack> stacks;
  // What the clamps at 0 added to the stacks' values: the values add up to
  // the outermost sections' inclusive totals plus this.
  double clamped = 0;
};

// Every stack of `figures`' sections, its value in the first event's unit
// over the whole profile (a section's inclusive mean x its entries). A
// section's self cost is its inclusive total less the inclusive totals of
// the sections entered directly inside it (each child's split among its
// parents), clamped at 0; on a stack it is scaled by the share of the
// section's cost that reached it along that stack. Where a section has
// several parents, its own children are split among them alike: its
// cost inside each parent is assumed to be made the same way. Sections
// without per-parent figures (none timed, no calibration, an object built
// without them) are on no stack.
CallStacks callStacks(const ProfileFigures &figures);

} // namespace inxpect
