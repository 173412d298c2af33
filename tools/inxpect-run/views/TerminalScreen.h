// The live table as a full-screen view on a terminal, through ncurses: the
// table with a selected row, a status line and the keys (LiveKeys) read
// between two reports. The terminal is given back (endwin) whenever the
// screen goes: the final report, an error unwinding the session, a stop
// signal ending it; the final table is then printed plainly, so it stays
// in the terminal's scrollback.
#pragma once

#include <memory>
#include <ostream>
#include <sstream>

#include "views/LiveKeys.h"
#include "views/TableText.h"
#include "views/View.h"

struct screen; // ncurses' SCREEN, kept out of the header with its macros

namespace inxpect {

// Whether the live table should take the terminal: stdin and stdout are
// terminals and TERM names one that can draw a screen (not "dumb").
bool terminalCanShowScreen();

class TerminalScreen : public ProfileView {
public:
  // Takes the terminal; null when ncurses cannot (TERM has no terminfo
  // entry), the caller then prints the plain table. `out` gets the final
  // table, `notes` what was said while the screen was up.
  static std::unique_ptr<TerminalScreen> open(std::ostream &out, std::ostream &notes,
                                              const TableColumns &columns);
  ~TerminalScreen() override;
  TerminalScreen(const TerminalScreen &) = delete;
  TerminalScreen &operator=(const TerminalScreen &) = delete;

  // Live figures are drawn (unless paused); final ones close the screen
  // and print the table plainly, in the order on screen.
  void show(const ProfileInfo &info, const ProfileFigures &figures) override;

  // Waits up to `seconds` for a key and acts on it (order, selection,
  // pause: redrawn here); returns what the session must do. A section
  // switched is marked on screen at once.
  KeyAction waitForKey(double seconds);

  // Where the session's notes go while the screen is up: held (the last
  // one on screen) and written to `notes` when it closes, when stderr is
  // this terminal; else `notes` itself.
  std::ostream &notes();

private:
  TerminalScreen(screen *terminal, std::ostream &out, std::ostream &notes,
                 const TableColumns &columns);
  void draw();
  void close();
  std::vector<unsigned> shownIds() const;
  std::string lastNote() const;

  screen *terminal_;
  std::ostream &out_, &notes_;
  std::ostringstream held_;
  bool holdNotes_;
  TableColumns columns_;
  LiveViewState state_;
  const ProfileInfo *info_ = nullptr;
  ProfileFigures shown_, latest_; // on screen; the newest (differ while paused)
  std::size_t top_ = 0;           // the first row on screen, when they do not all fit
};

} // namespace inxpect
