// The ways to show a profile: the table, JSON lines, CSV or folded stacks. A view gets the
// figures of every interval and the final ones (a replay has only those)
// and writes them to its stream; replay, run and attach share them.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "views/OutputFile.h"
#include "profile/Figures.h"

namespace inxpect {

class ProfileView {
public:
  virtual ~ProfileView() = default;
  virtual void show(const ProfileInfo &info, const ProfileFigures &figures) = 0;
};

// `refreshInPlace`: the table redraws over itself (a terminal) instead of
// printing one table after another (a file, a pipe).
// `raw`: the readings as taken (mean, and a replay's total) instead of the
// inclusive cost with the probes taken out, which a calibrated profile
// shows by default.
std::unique_ptr<ProfileView> makeTableView(std::ostream &out, bool refreshInPlace, bool perCpu,
                                           bool raw = false);
std::unique_ptr<ProfileView> makeJsonLinesView(std::ostream &out, bool perCpu);
std::unique_ptr<ProfileView> makeCsvView(std::ostream &out, bool perCpu);
// Folded stacks for flame graphs, written once with the final figures.
std::unique_ptr<ProfileView> makeFoldedView(std::ostream &out);

std::unique_ptr<ProfileView> makeView(OutputFormat format, std::ostream &out, bool refreshInPlace,
                                      bool perCpu, bool raw = false);

// A replay's report through the table view, and through the JSON view (one
// object of type "final" on one line, ending in a newline).
std::string formatTable(const Report &report);
std::string formatJson(const Report &report);

} // namespace inxpect
