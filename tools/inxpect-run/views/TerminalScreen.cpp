#include "views/TerminalScreen.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

#include <curses.h>

#include "views/TerminalRescue.h"

namespace inxpect {

namespace {

// ncurses' keys as the key state machine names them.
int liveKey(int key) {
  switch (key) {
  case KEY_UP:
    return kKeyUp;
  case KEY_DOWN:
    return kKeyDown;
  case KEY_HOME:
    return kKeyHome;
  case KEY_END:
    return kKeyEnd;
  case KEY_PPAGE:
    return kKeyPageUp;
  case KEY_NPAGE:
    return kKeyPageDown;
  }
  return key;
}

// What leaves the screen on this terminal, from its terminfo entry: the
// normal page back, the cursor shown, attributes off.
std::string leaveScreenSequence() {
  std::string text;
  for (const char *capability : {"rmcup", "cnorm", "sgr0"}) {
    const char *value = tigetstr(capability);
    if (value && value != reinterpret_cast<char *>(-1))
      text += value;
  }
  return text + "\r\n";
}

// The lines of `text`, without their newlines.
std::vector<std::string> linesOf(const std::string &text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  for (std::size_t end; (end = text.find('\n', begin)) != std::string::npos; begin = end + 1)
    lines.push_back(text.substr(begin, end - begin));
  if (begin < text.size())
    lines.push_back(text.substr(begin));
  return lines;
}

// One line at `y`, cut at the screen's width.
void drawLine(int y, const std::string &text, attr_t attributes = A_NORMAL) {
  if (y < 0 || y >= LINES)
    return;
  attrset(attributes);
  mvaddnstr(y, 0, text.c_str(), COLS);
  attrset(A_NORMAL);
}

} // namespace

bool terminalCanShowScreen() {
  const char *term = std::getenv("TERM");
  return ::isatty(STDIN_FILENO) && ::isatty(STDOUT_FILENO) && term && *term &&
         std::strcmp(term, "dumb") != 0;
}

std::unique_ptr<TerminalScreen> TerminalScreen::open(std::ostream &out, std::ostream &notes,
                                                     const TableColumns &columns) {
  out.flush();
  std::fflush(stdout);
  termios lineMode{};
  tcgetattr(STDIN_FILENO, &lineMode);
  SCREEN *terminal = newterm(nullptr, stdout, stdin);
  if (!terminal)
    return nullptr;
  armTerminalRescue(lineMode, leaveScreenSequence());
  cbreak(); // keys one at a time; Ctrl-C still raises SIGINT, which ends the session cleanly
  noecho();
  keypad(stdscr, TRUE);
  curs_set(0);
  return std::unique_ptr<TerminalScreen>(new TerminalScreen(terminal, out, notes, columns));
}

TerminalScreen::TerminalScreen(screen *terminal, std::ostream &out, std::ostream &notes,
                               const TableColumns &columns)
    : terminal_(terminal), out_(out), notes_(notes),
      holdNotes_(::isatty(STDERR_FILENO) != 0), columns_(columns) {
  columns_.sortable = true;
}

TerminalScreen::~TerminalScreen() { close(); }

void TerminalScreen::close() {
  if (!terminal_)
    return;
  endwin();
  disarmTerminalRescue();
  delscreen(terminal_);
  terminal_ = nullptr;
  notes_ << held_.str();
  notes_.flush();
  holdNotes_ = false;
}

std::ostream &TerminalScreen::notes() { return holdNotes_ ? held_ : notes_; }

std::string TerminalScreen::lastNote() const {
  std::vector<std::string> lines = linesOf(held_.str());
  return lines.empty() ? "" : lines.back();
}

std::vector<unsigned> TerminalScreen::shownIds() const {
  std::vector<unsigned> ids;
  for (const SectionFigures *s : orderedSections(shown_, state_))
    ids.push_back(s->row->id);
  return ids;
}

void TerminalScreen::show(const ProfileInfo &info, const ProfileFigures &figures) {
  info_ = &info;
  latest_ = figures;
  if (!figures.final) {
    if (!state_.paused || shown_.sections.empty())
      shown_ = figures;
    draw();
    return;
  }
  // The final table stays on the terminal after the screen is gone, in
  // the order the screen had.
  LiveViewState order = state_;
  close();
  ProfileFigures ordered = figures;
  ordered.sections.clear();
  for (const SectionFigures *s : orderedSections(figures, order))
    ordered.sections.push_back(*s);
  makeTableView(out_, false, columns_.perCpu, columns_.raw)->show(info, ordered);
}

KeyAction TerminalScreen::waitForKey(double seconds) {
  if (!terminal_)
    return {};
  timeout(std::max(0, static_cast<int>(seconds * 1000)));
  int key = getch();
  if (key == ERR)
    return {};
  if (key == KEY_RESIZE) {
    draw();
    return {};
  }
  KeyAction action = onKey(state_, liveKey(key), shownIds());
  if (action.kind == KeyAction::Redraw && !state_.paused)
    shown_ = latest_; // resumed: the newest figures at once
  if (action.kind == KeyAction::SwitchSection)
    for (ProfileFigures *f : {&shown_, &latest_})
      for (SectionFigures &s : f->sections)
        if (s.row->id == action.section)
          s.on = !s.on;
  if (action.kind != KeyAction::None && action.kind != KeyAction::Quit)
    draw();
  return action;
}

void TerminalScreen::draw() {
  if (!terminal_ || !info_)
    return;
  TableText text = tableText(*info_, shown_, columns_);
  std::vector<const SectionFigures *> order = orderedSections(shown_, state_);
  if (!state_.selected && !order.empty())
    state_.selected = order.front()->row->id; // space acts on a row the user sees highlighted
  erase();
  int y = 0;
  for (const std::string &line : linesOf(text.header))
    drawLine(y++, line);
  // Rows have a margin for the selection mark: seen without reverse video
  // too (a screen captured as text, a terminal that lacks it).
  drawLine(y++, "  " + text.columns, A_BOLD);

  // The rows that fit above the three bottom lines (a note, the status,
  // the keys), scrolled so that the selection is among them.
  int room = std::max(1, LINES - y - 3);
  state_.pageRows = static_cast<unsigned>(room);
  std::size_t selectedAt = 0;
  const SectionFigures *selected = nullptr;
  for (std::size_t i = 0; i < order.size(); ++i)
    if (state_.selected && order[i]->row->id == *state_.selected) {
      selectedAt = i;
      selected = order[i];
    }
  if (selected && selectedAt < top_)
    top_ = selectedAt;
  if (selected && selectedAt >= top_ + room)
    top_ = selectedAt + 1 - room;
  top_ = std::min(top_, order.size() > static_cast<std::size_t>(room) ? order.size() - room : 0);
  for (std::size_t i = top_; i < order.size() && i < top_ + room; ++i) {
    const SectionFigures *s = order[i];
    std::size_t index = static_cast<std::size_t>(s - shown_.sections.data());
    attr_t look = s == selected ? A_REVERSE : s->on ? A_NORMAL : A_DIM;
    drawLine(y++, (s == selected ? "> " : "  ") + text.rows[index], look);
  }
  // The legend where there is room for it (ncurses wraps it).
  if (y + 4 < LINES && !text.legend.empty()) {
    attrset(A_DIM);
    mvaddstr(y + 1, 0, (text.legend + (text.uncertainMark.empty() ? "" : "\n" + text.uncertainMark)).c_str());
    attrset(A_NORMAL);
  }
  move(LINES - 3, 0);
  clrtobot();
  drawLine(LINES - 3, lastNote());
  drawLine(LINES - 2, statusLine(state_, selected ? selected->row->name : "",
                                 selected && selected->on), A_BOLD);
  drawLine(LINES - 1, keysLine(), A_REVERSE);
  refresh();
}

} // namespace inxpect
