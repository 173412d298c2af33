// The top-like table, printed: live, redrawn in place on a terminal that
// has no screen of its own (TERM=dumb, --no-curses) or appended table after
// table into a pipe or a file; a replay prints it once.
#include "views/TableText.h"
#include "views/View.h"

namespace inxpect {

namespace {

class TableView : public ProfileView {
public:
  TableView(std::ostream &out, bool refreshInPlace, bool perCpu, bool raw)
      : out_(out), inPlace_(refreshInPlace), columns_{perCpu, raw, false} {}

  void show(const ProfileInfo &info, const ProfileFigures &f) override {
    TableText text = tableText(info, f, columns_);
    if (inPlace_)
      out_ << "\033[H\033[J"; // cursor home, clear to the end: redraw over the last table
    else if (shown_++)
      out_ << "\n";
    out_ << text.header << text.columns << "\n";
    for (const std::string &row : text.rows)
      out_ << row << "\n";
    // Redrawn in place, the legend stays under the table; appended, once
    // is enough: after the first table of a stream, and a replay's only one.
    if (!text.legend.empty() && (inPlace_ || !legendShown_)) {
      legendShown_ = true;
      out_ << "\n" << text.legend << "\n";
    }
    if (!text.uncertainMark.empty() && (inPlace_ || !markShown_)) {
      markShown_ = true;
      out_ << text.uncertainMark << "\n";
    }
    out_.flush();
  }

private:
  std::ostream &out_;
  bool inPlace_;
  TableColumns columns_;
  unsigned shown_ = 0;
  bool legendShown_ = false, markShown_ = false;
};

} // namespace

std::unique_ptr<ProfileView> makeTableView(std::ostream &out, bool refreshInPlace, bool perCpu,
                                           bool raw) {
  return std::make_unique<TableView>(out, refreshInPlace, perCpu, raw);
}

} // namespace inxpect
