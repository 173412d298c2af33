// The comparison as a pull request comment (GitHub-flavoured markdown): the
// outcome as the heading, the behaviour, a table, sections in one build only.
#include "compare/CompareText.h"
#include "compare/CompareWriters.h"

namespace inxpect {

namespace {

// Code spans: a name shown as written, a `|` escaped so it stays in its cell.
std::string code(const std::string &text) {
  std::string out = "`";
  for (char ch : text)
    out += ch == '|' ? std::string("\\|") : std::string(1, ch);
  return out + "`";
}

std::string onlyIn(const std::vector<SectionOnly> &sections) {
  std::string out;
  for (const SectionOnly &s : sections)
    out += (out.empty() ? "" : ", ") + code(s.name) + " (" + s.kind + ")";
  return out;
}

} // namespace

std::string comparisonMarkdown(const Comparison &c) {
  std::string out = "### inxpect compare: " + outcomeSentence(c) + "\n\n";
  out += "A " + code(c.objectA) + " (" + code(c.programA) + ") against B " + code(c.objectB) +
         " (" + code(c.programB) + "): " + roundsSentence(c) + "; " + c.counter + ".\n\n";
  std::string behaviour = behaviourSentence(c);
  out += (c.behaviour.same() ? behaviour : "**" + behaviour + "**") + "\n\n";
  std::string unit = " (" + c.unit + ")";
  out += "| section | kind | incl A" + unit + " | incl B" + unit +
         " | change | 95% interval | self A | self B | self change | verdict |\n"
         "|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n";
  for (const SectionComparison &s : c.sections) {
    std::string verdict = verdictName(s.verdict);
    if (s.verdict != Verdict::Same)
      verdict = "**" + verdict + "**";
    out += "| " + code(s.name) + " | " + s.kind + " | " + costText(s.inclusive, false) + " | " +
           costText(s.inclusive, true) + " | " + changeText(s.inclusive) + " | " +
           intervalText(s.inclusive) + " | " + costText(s.self, false) + " | " +
           costText(s.self, true) + " | " + changeText(s.self) + " | " + verdict + " |\n";
  }
  if (!c.removed.empty())
    out += "\nOnly in A (removed): " + onlyIn(c.removed) + ".\n";
  if (!c.added.empty())
    out += "\nOnly in B (added): " + onlyIn(c.added) + ".\n";
  return out + "\n<sub>" + legendSentence(c) + "</sub>\n";
}

} // namespace inxpect
