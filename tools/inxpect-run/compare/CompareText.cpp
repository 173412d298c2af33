#include "compare/CompareText.h"

#include <cmath>

#include "views/TextTable.h"

namespace inxpect {

std::string percentText(double relative) {
  double pct = 100 * relative;
  if (std::fabs(pct) < 0.05)
    pct = 0; // no "-0.0%"
  return (pct >= 0 ? "+" : "") + fixed(pct, 1) + "%";
}

std::string costText(const CostComparison &cost, bool b) {
  if (!cost.measured)
    return "-";
  return fixed(b ? cost.change.b : cost.change.a, 1) + (cost.uncertain ? " ?" : "");
}

std::string changeText(const CostComparison &cost) {
  return cost.measured && cost.change.change ? percentText(*cost.change.change) : "-";
}

std::string intervalText(const CostComparison &cost) {
  if (!cost.measured || !cost.change.change)
    return "-";
  return "[" + percentText(cost.change.low) + ", " + percentText(cost.change.high) + "]";
}

std::string tallyText(const VerdictTally &tally) {
  std::string out;
  for (unsigned a = 0; a < kXdpActions; ++a)
    if (tally.byAction[a])
      out += (out.empty() ? "" : ", ") + std::string(xdpActionName(a)) + " " +
             std::to_string(tally.byAction[a]);
  if (tally.other)
    out += (out.empty() ? "" : ", ") + std::string("other ") + std::to_string(tally.other);
  return out.empty() ? "none" : out;
}

std::string behaviourSentence(const Comparison &c) {
  const BehaviourComparison &b = c.behaviour;
  if (b.same())
    return "behaviour: the same: each of the " + std::to_string(b.packets) +
           " packets got the same verdict and output bytes from A and B; verdicts over the "
           "rounds: " + tallyText(b.a);
  std::string out = "behaviour DIFFERS: ";
  if (b.otherVerdict || b.otherBytes) {
    out += std::to_string(b.otherVerdict) + " of " + std::to_string(b.packets) +
           " packets got another verdict, " + std::to_string(b.otherBytes) +
           " other output bytes with the same verdict; first: packet " +
           std::to_string(b.first->packet) + ", A " + xdpActionName(b.first->a) + ", B " +
           xdpActionName(b.first->b) + "; ";
  }
  return out + "verdicts over the rounds: A " + tallyText(b.a) + "; B " + tallyText(b.b);
}

std::string outcomeSentence(const Comparison &c) {
  std::string threshold = fixed(100 * c.threshold, 1) + "%";
  std::string slower;
  for (const SectionComparison *s : c.slower())
    slower += (slower.empty() ? "" : ", ") + s->name + " " + changeText(s->inclusive) + " " +
              intervalText(s->inclusive);
  if (!slower.empty())
    return "SLOWER beyond " + threshold + ": " + slower;
  std::string faster;
  for (const SectionComparison &s : c.sections)
    if (s.verdict == Verdict::Faster)
      faster += (faster.empty() ? "" : ", ") + s.name;
  return "no section slower beyond " + threshold +
         (faster.empty() ? std::string("") : "; faster: " + faster);
}

std::string roundsSentence(const Comparison &c) {
  return std::to_string(c.rounds) + " rounds of each build, interleaved A B B A, of " +
         std::to_string(c.packets) + " packets x " + std::to_string(c.passes) +
         (c.passes == 1 ? " pass" : " passes");
}

std::string roundsStatisticText(const Comparison &c) {
  if (c.statistic == RoundStatistic::Least)
    return "the least of the rounds where every entry was timed (counted instructions: a "
           "disturbance only adds), else their median";
  return "the median of the rounds";
}

std::string legendSentence(const Comparison &c) {
  return "costs: " + c.event + " (" + c.unit +
         ") an entry, " + roundsStatisticText(c) + ", the probes' cost taken out (incl: with what "
         "ran inside the section; self: without the sections measured inside it); change: "
         "B against A, with its 95% interval (percentile bootstrap over the rounds); the "
         "verdict reads the incl change against the threshold, and needs a difference larger "
         "than the error of taking the probes' cost out; ?: a cost within that error, not "
         "compared";
}

} // namespace inxpect
