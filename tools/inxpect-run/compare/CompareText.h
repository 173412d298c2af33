// The sentences and figures the table and markdown writers of a comparison
// share, so both say the same thing the same way.
#pragma once

#include <optional>
#include <string>

#include "compare/Comparison.h"

namespace inxpect {

std::string percentText(double relative);          // "+12.3%", "-0.4%"
std::string costText(const CostComparison &cost, bool b); // A's or B's median, "?" when uncertain
std::string changeText(const CostComparison &cost);   // "-43.8%", "-" when none
std::string intervalText(const CostComparison &cost); // "[-45.0%, -42.1%]", "-" when none

// "verdicts: XDP_DROP 200000" (the actions that occurred).
std::string tallyText(const VerdictTally &tally);

// One line on the behaviour: the same, or what differed and where first.
std::string behaviourSentence(const Comparison &c);

// One line on the outcome: the sections slower beyond the threshold, or
// none (and those faster).
std::string outcomeSentence(const Comparison &c);

// What the rounds were: packets, passes, rounds, their order.
std::string roundsSentence(const Comparison &c);

// What the columns and marks mean.
std::string legendSentence(const Comparison &c);

} // namespace inxpect
