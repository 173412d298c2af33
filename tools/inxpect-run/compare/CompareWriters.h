// A comparison written out: a table for the terminal, one JSON object for
// scripts and CI, markdown for a pull request's comment. Each writer only
// formats the Comparison (compare/Comparison.h); one a file.
#pragma once

#include <string>

#include "compare/Comparison.h"

namespace inxpect {

// compare's --format.
enum class CompareFormat { Table, Json, Markdown };

std::string comparisonTable(const Comparison &c);
std::string comparisonJson(const Comparison &c); // one object, one line
std::string comparisonMarkdown(const Comparison &c);

std::string formatComparison(const Comparison &c, CompareFormat format);

} // namespace inxpect
