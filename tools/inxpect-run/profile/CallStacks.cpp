#include "profile/CallStacks.h"

#include <algorithm>

namespace inxpect {

namespace {

// The shares of each section's cost by parent: share[1 + p][c] of section
// c's cost was made directly inside section p, share[0][c] with no section
// around it. By the parents' corrected costs; by the entries where every
// one of those is 0 (all within the probes' error).
struct CallGraph {
  std::vector<double> inclusive;          // by section: over the profile
  std::vector<std::vector<double>> share; // [1 + parent][child]
  std::vector<double> self;               // by section: inclusive less its children's,
  std::vector<double> belowZero;          // and what its clamp at 0 added
};

CallGraph callGraphOf(const ProfileFigures &f) {
  std::size_t n = f.sections.size();
  CallGraph g;
  g.inclusive.assign(n, 0);
  g.share.assign(n + 1, std::vector<double>(n, 0));
  for (std::size_t c = 0; c < n; ++c) {
    const SectionFigures &s = f.sections[c];
    if (s.events.empty() || !s.events[0].inclusiveMean || s.byParent.empty())
      continue;
    g.inclusive[c] = *s.events[0].inclusiveMean * s.count;
    double byCost = 0, byCount = 0;
    for (const ParentFigures &p : s.byParent) {
      byCost += p.inclusive;
      byCount += p.count;
    }
    for (std::size_t p = 0; p < s.byParent.size() && p <= n; ++p)
      g.share[p][c] = byCost > 0    ? s.byParent[p].inclusive / byCost
                      : byCount > 0 ? s.byParent[p].count / byCount
                                    : 0;
  }
  g.self.assign(n, 0);
  g.belowZero.assign(n, 0);
  for (std::size_t p = 0; p < n; ++p) {
    double children = 0;
    for (std::size_t c = 0; c < n; ++c)
      children += g.share[1 + p][c] * g.inclusive[c];
    g.self[p] = std::max(0.0, g.inclusive[p] - children);
    g.belowZero[p] = g.self[p] - (g.inclusive[p] - children);
  }
  return g;
}

// Emits `path` (its last section reached with `fraction` of its cost) and
// goes down into the sections entered inside it. BPF has no recursion, so
// a section is never inside itself; a figure saying so is skipped.
void walk(const CallGraph &g, std::vector<unsigned> &path, double fraction, CallStacks &out) {
  unsigned last = path.back();
  out.stacks.push_back({path, fraction * g.self[last]});
  out.clamped += fraction * g.belowZero[last];
  for (unsigned c = 0; c < g.inclusive.size(); ++c) {
    double share = g.share[1 + last][c];
    if (share <= 0 || std::find(path.begin(), path.end(), c) != path.end())
      continue;
    path.push_back(c);
    walk(g, path, fraction * share, out);
    path.pop_back();
  }
}

} // namespace

CallStacks callStacks(const ProfileFigures &figures) {
  CallGraph g = callGraphOf(figures);
  CallStacks stacks;
  for (unsigned root = 0; root < g.inclusive.size(); ++root)
    if (g.share[0][root] > 0) {
      std::vector<unsigned> path = {root};
      walk(g, path, g.share[0][root], stacks);
    }
  return stacks;
}

} // namespace inxpect
