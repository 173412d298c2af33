// The live table's keys, as a state machine apart from any terminal: a key
// changes the view's state (order, selection, pause) and may ask the
// session for something (a section switched, the end). The screen
// (TerminalScreen) reads keys and draws; the tests drive this directly.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "profile/Figures.h"

namespace inxpect {

// The keys that are not characters, as the screen hands them over.
enum LiveKey : int {
  kKeyUp = 0x1000,
  kKeyDown,
  kKeyHome,
  kKeyEnd,
  kKeyPageUp,
  kKeyPageDown,
};

// How rows are ordered: as the program nests them (the table's own order),
// or by a figure (the first event's, for the costs), largest first unless
// reversed.
enum class SortKey { Tree, Count, Total, Mean, Inclusive, Self };

struct LiveViewState {
  SortKey sort = SortKey::Tree;
  bool ascending = false;           // the same sort key again flips it
  std::optional<unsigned> selected; // a section id: it stays selected as rows move
  bool paused = false;              // the screen keeps the figures it shows
  unsigned pageRows = 10;           // how far page up and down move
};

// What the session must do after a key.
struct KeyAction {
  enum Kind { None, Redraw, SwitchSection, Quit } kind = None;
  unsigned section = 0; // SwitchSection: its id
};

// Applies `key` to `state`; `shown` is the section ids in the order on
// screen (the selection moves along it and stops at both ends).
KeyAction onKey(LiveViewState &state, int key, const std::vector<unsigned> &shown);

// `figures`' sections in the order `state` asks; sections without the
// figure sorted on (never measured, no calibration) go last, in tree order.
std::vector<const SectionFigures *> orderedSections(const ProfileFigures &figures,
                                                    const LiveViewState &state);

// The keys, as the screen's last line says them.
std::string keysLine();

// The line above it: the order, the selected section and whether the screen
// is paused. `selectedName` and `selectedOn` describe the selection (""
// when none).
std::string statusLine(const LiveViewState &state, const std::string &selectedName,
                       bool selectedOn);

} // namespace inxpect
