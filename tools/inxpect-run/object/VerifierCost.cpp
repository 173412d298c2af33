#include "object/VerifierCost.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <string_view>
#include <unordered_map>

namespace inxpect {

namespace {

const char kRuntimeHeader[] = "inxpect.h";

std::string_view baseName(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Calls `onLine` with "file:line" for each source marker and `onInsn` for
// each instruction the verifier walked; `onPop` when it goes back to a branch
// it left pending (what follows is not the code before it).
void walkLog(const std::string &log, const std::function<void(std::string_view)> &onLine,
             const std::function<void()> &onInsn, const std::function<void()> &onPop) {
  std::string_view text(log);
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos)
      end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    if (line.rfind("; ", 0) == 0) {
      std::size_t at = line.rfind(" @ ");
      if (at != std::string_view::npos)
        onLine(line.substr(at + 3));
      continue;
    }
    if (line.rfind("from ", 0) == 0) {
      onPop();
      continue;
    }
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9')
      ++digits;
    if (digits > 0 && line.substr(digits, 3) == ": (")
      onInsn();
  }
}

// "file:line" -> the innermost section covering it, -1 for none, -2 for the runtime.
class SectionOfLine {
public:
  explicit SectionOfLine(const Manifest &m) : m_(m) {}

  int operator()(std::string_view where) {
    auto it = cache_.find(std::string(where));
    if (it != cache_.end())
      return it->second;
    int found = lookUp(where);
    cache_.emplace(std::string(where), found);
    return found;
  }

private:
  int lookUp(std::string_view where) const {
    std::size_t colon = where.rfind(':');
    if (colon == std::string_view::npos)
      return -1;
    std::string_view file = baseName(where.substr(0, colon));
    if (file == kRuntimeHeader)
      return -2;
    unsigned line = std::strtoul(std::string(where.substr(colon + 1)).c_str(), nullptr, 10);
    int best = -1;
    for (const Section &s : m_.sections) {
      std::string_view sf = baseName(s.file.empty() ? m_.source : s.file);
      // The rewrite keeps every line on its number: its output is the source.
      bool sameFile = file == sf || (sf == baseName(m_.source) && file == baseName(m_.output));
      if (!sameFile || line < s.begin.line || line > s.end.line)
        continue;
      if (best < 0 || s.end.line - s.begin.line <
                          m_.sections[best].end.line - m_.sections[best].begin.line)
        best = static_cast<int>(s.id);
    }
    return best;
  }

  const Manifest &m_;
  std::unordered_map<std::string, int> cache_;
};

} // namespace

VerifierCost attributeVerifierLog(const std::string &log, const Manifest &manifest) {
  SectionOfLine sectionOf(manifest);
  std::map<int, uint64_t> insns, walks; // by section id, -1 outside every section
  VerifierCost cost;
  int current = -1, before = -1;
  bool inRuntime = false;
  uint64_t probe = 0; // runtime instructions waiting for the section after them
  // Probes between two sections' code are the END of the one before and the
  // START of the one after (or one of them): shared between the two.
  auto settleProbe = [&](int after) {
    if (before == after || after < 0) {
      insns[before] += probe;
    } else if (before < 0) {
      insns[after] += probe;
    } else {
      insns[before] += probe / 2;
      insns[after] += probe - probe / 2;
    }
    probe = 0;
  };
  walkLog(
      log,
      [&](std::string_view where) {
        int s = sectionOf(where);
        inRuntime = s == -2;
        if (inRuntime)
          return;
        if (probe)
          settleProbe(s);
        if (s != current)
          ++walks[s];
        current = before = s;
      },
      [&] {
        ++cost.total;
        if (inRuntime)
          ++probe;
        else
          ++insns[current < 0 ? -1 : current];
      },
      [&] {
        if (probe)
          settleProbe(before);
        inRuntime = false;
        current = -3; // a pending branch: wherever it resumes is a walk in
      });
  if (probe)
    settleProbe(before);
  for (const auto &[id, n] : insns)
    cost.ranked.push_back({id < 0 ? std::nullopt : std::optional<unsigned>(id), n, walks[id]});
  std::stable_sort(cost.ranked.begin(), cost.ranked.end(),
                   [](const SectionCost &a, const SectionCost &b) { return a.insns > b.insns; });
  return cost;
}

std::vector<std::pair<std::string, uint64_t>> costliestLines(const std::string &log,
                                                             std::size_t count) {
  std::unordered_map<std::string, uint64_t> byLine;
  std::string current = "?";
  walkLog(
      log, [&](std::string_view where) { current = std::string(where); },
      [&] { ++byLine[current]; }, [] {});
  std::vector<std::pair<std::string, uint64_t>> lines(byLine.begin(), byLine.end());
  std::sort(lines.begin(), lines.end(),
            [](const auto &a, const auto &b) {
              return a.second != b.second ? a.second > b.second : a.first < b.first;
            });
  if (lines.size() > count)
    lines.resize(count);
  return lines;
}

namespace {

std::string percent(uint64_t part, uint64_t total) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", total ? 100.0 * part / total : 0.0);
  return buf;
}

std::string shellQuoted(const std::string &text) { return "'" + text + "'"; }

} // namespace

std::string describeVerifierCost(const VerifierCost &cost, const Manifest &manifest,
                                 const std::string &entry, std::size_t count) {
  std::string out = "the verifier's instructions by section (" + std::to_string(cost.total) +
                    " walked in its log; a section's own lines and its probes):";
  std::size_t shown = 0;
  for (const SectionCost &c : cost.ranked) {
    if (shown++ == count)
      break;
    out += "\n  " + percent(c.insns, cost.total) + "  " +
           (c.id ? manifest.sections[*c.id].name + " (" + kindName(manifest.sections[*c.id].kind) +
                       ")"
                 : std::string("outside every section")) +
           (c.id ? ", " + std::to_string(c.walks) + " walks" : "");
  }

  // Leave out the sections walked most until they hold half of the walks.
  auto isEntry = [&](const Section &s) {
    return s.kind == SectionKind::Function && s.function == entry;
  };
  std::vector<const SectionCost *> byWalks;
  uint64_t allWalks = 0;
  for (const SectionCost &c : cost.ranked)
    if (c.id && !isEntry(manifest.sections[*c.id])) {
      byWalks.push_back(&c);
      allWalks += c.walks;
    }
  std::stable_sort(byWalks.begin(), byWalks.end(),
                   [](const SectionCost *a, const SectionCost *b) { return a->walks > b->walks; });
  std::vector<bool> leftOut(manifest.sections.size(), false);
  uint64_t removed = 0;
  bool loops = false, functions = false;
  std::string regions;
  for (const SectionCost *c : byWalks) {
    if (removed * 2 >= allWalks)
      break;
    const Section &s = manifest.sections[*c->id];
    leftOut[s.id] = true;
    removed += c->walks;
    if (s.kind == SectionKind::Loop)
      loops = true;
    else if (s.kind == SectionKind::Function)
      functions = true;
    else
      regions += (regions.empty() ? "" : ", ") + s.name;
  }
  std::string kept, flags;
  bool anyFunction = false, anyLoop = false;
  for (const Section &s : manifest.sections) {
    anyFunction |= s.kind == SectionKind::Function;
    anyLoop |= s.kind == SectionKind::Loop;
    if (s.kind == SectionKind::Function && !leftOut[s.id])
      kept += (kept.empty() ? "" : "|") + s.function;
  }
  if (anyFunction && !(functions && kept.empty()))
    flags += " --per-function";
  if (anyLoop && !loops)
    flags += " --per-loop";
  if (functions && !kept.empty())
    flags += " --functions " + shellQuoted(kept);
  if (!functions && !loops && regions.empty())
    return out;
  out += "\nto fit, leave out the sections walked most:\n  inxpect-instrument" + flags + " " + manifest.source;
  if (!regions.empty())
    out += "\n  and remove the annotations of " + regions;
  out += "\n(if it is still over, run this again on the new object)";
  return out;
}

} // namespace inxpect
