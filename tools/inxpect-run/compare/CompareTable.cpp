// The comparison for the terminal: what ran, the behaviour first, a row a
// section in both builds, those in one only, and the outcome last.
#include "compare/CompareText.h"
#include "compare/CompareWriters.h"
#include "views/TextTable.h"

namespace inxpect {

namespace {

std::string onlyIn(const std::vector<SectionOnly> &sections) {
  std::string out;
  for (const SectionOnly &s : sections)
    out += (out.empty() ? "" : ", ") + s.name + " (" + s.kind + ")";
  return out;
}

} // namespace

std::string comparisonTable(const Comparison &c) {
  std::string out = "compare: A " + c.objectA + " (" + c.programA + "), B " + c.objectB + " (" +
                    c.programB + ")\n" + c.counter + "\n" + roundsSentence(c) + "\n" +
                    behaviourSentence(c) + "\n\n";
  std::vector<std::vector<std::string>> rows = {
      {"section", "kind", "incl A", "incl B", "change", "95% interval", "self A", "self B",
       "change", "verdict"}};
  for (const SectionComparison &s : c.sections)
    rows.push_back({std::string(2 * s.depth, ' ') + s.name, s.kind, costText(s.inclusive, false),
                    costText(s.inclusive, true), changeText(s.inclusive), intervalText(s.inclusive),
                    costText(s.self, false), costText(s.self, true), changeText(s.self),
                    verdictName(s.verdict)});
  out += textTable(rows, {false, false, true, true, true, true, true, true, true, false});
  if (!c.removed.empty())
    out += "only in A (removed): " + onlyIn(c.removed) + "\n";
  if (!c.added.empty())
    out += "only in B (added): " + onlyIn(c.added) + "\n";
  return out + "\n" + legendSentence(c) + "\n" + outcomeSentence(c) + "\n";
}

} // namespace inxpect
