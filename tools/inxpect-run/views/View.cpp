#include "views/View.h"

#include <sstream>

namespace inxpect {

std::unique_ptr<ProfileView> makeView(OutputFormat format, std::ostream &out, bool refreshInPlace,
                                      bool perCpu, bool raw) {
  switch (format) {
  case OutputFormat::Json:
    return makeJsonLinesView(out, perCpu);
  case OutputFormat::Csv:
    return makeCsvView(out, perCpu);
  case OutputFormat::Folded:
    return makeFoldedView(out);
  case OutputFormat::Table:
    break;
  }
  return makeTableView(out, refreshInPlace, perCpu, raw);
}

namespace {

std::string shown(OutputFormat format, const Report &report) {
  std::ostringstream out;
  makeView(format, out, false, false)->show(report.info, report.figures());
  return out.str();
}

} // namespace

std::string formatTable(const Report &report) { return shown(OutputFormat::Table, report); }
std::string formatJson(const Report &report) { return shown(OutputFormat::Json, report); }

} // namespace inxpect
