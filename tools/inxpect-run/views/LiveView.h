// A way to show live figures: the table, JSON lines or CSV. Each view gets
// every interval's figures and the final ones, and writes them to its stream.
#pragma once

#include <memory>
#include <ostream>

#include "profile/LiveFigures.h"
#include "cli/Options.h"

namespace inxpect {

class LiveView {
public:
  virtual ~LiveView() = default;
  virtual void show(const ProfileInfo &info, const LiveFigures &figures) = 0;
};

// `refreshInPlace`: the table redraws over itself (a terminal) instead of
// printing one table after another (a file, a pipe).
std::unique_ptr<LiveView> makeTableView(std::ostream &out, bool refreshInPlace, bool perCpu);
std::unique_ptr<LiveView> makeJsonLinesView(std::ostream &out, bool perCpu);
std::unique_ptr<LiveView> makeCsvView(std::ostream &out, bool perCpu);

std::unique_ptr<LiveView> makeView(OutputFormat format, std::ostream &out, bool refreshInPlace,
                                   bool perCpu);

} // namespace inxpect
