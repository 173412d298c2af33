#include "views/LiveKeys.h"

#include <algorithm>

namespace inxpect {

namespace {

// The figure a section is sorted by; none sorts last.
std::optional<double> sortValue(const SectionFigures &s, SortKey key) {
  if (key == SortKey::Count)
    return static_cast<double>(s.count);
  if (s.events.empty())
    return std::nullopt;
  const EventFigures &e = s.events.front();
  switch (key) {
  case SortKey::Total:
    return e.count ? std::optional<double>(static_cast<double>(e.total)) : std::nullopt;
  case SortKey::Mean:
    return e.mean;
  case SortKey::Inclusive:
    return e.inclusiveMean;
  case SortKey::Self:
    return e.selfMean;
  case SortKey::Tree:
  case SortKey::Count:
    break;
  }
  return std::nullopt;
}

std::optional<SortKey> sortKeyOf(int key) {
  switch (key) {
  case 'n':
    return SortKey::Tree;
  case 'c':
    return SortKey::Count;
  case 't':
    return SortKey::Total;
  case 'm':
    return SortKey::Mean;
  case 'i':
    return SortKey::Inclusive;
  case 's':
    return SortKey::Self;
  }
  return std::nullopt;
}

const char *sortName(SortKey key) {
  switch (key) {
  case SortKey::Tree:
    return "tree (as nested)";
  case SortKey::Count:
    return "count";
  case SortKey::Total:
    return "total";
  case SortKey::Mean:
    return "mean";
  case SortKey::Inclusive:
    return "incl";
  case SortKey::Self:
    return "self";
  }
  return "";
}

// The selection moved by `step` rows along `shown`, stopping at both ends;
// the first row when nothing is selected yet.
void moveSelection(LiveViewState &state, long step, const std::vector<unsigned> &shown) {
  if (shown.empty())
    return;
  auto at = state.selected ? std::find(shown.begin(), shown.end(), *state.selected) : shown.end();
  if (at == shown.end()) {
    state.selected = shown.front();
    return;
  }
  long index = std::clamp<long>(at - shown.begin() + step, 0, static_cast<long>(shown.size()) - 1);
  state.selected = shown[index];
}

} // namespace

KeyAction onKey(LiveViewState &state, int key, const std::vector<unsigned> &shown) {
  if (std::optional<SortKey> sort = sortKeyOf(key)) {
    state.ascending = *sort == state.sort && *sort != SortKey::Tree && !state.ascending;
    state.sort = *sort;
    return {KeyAction::Redraw};
  }
  long page = std::max(1u, state.pageRows);
  long all = static_cast<long>(shown.size());
  switch (key) {
  case 'q':
  case 'Q':
    return {KeyAction::Quit};
  case 'p':
  case 'P':
    state.paused = !state.paused;
    return {KeyAction::Redraw};
  case 'k':
  case kKeyUp:
    moveSelection(state, -1, shown);
    return {KeyAction::Redraw};
  case 'j':
  case kKeyDown:
    moveSelection(state, 1, shown);
    return {KeyAction::Redraw};
  case kKeyPageUp:
    moveSelection(state, -page, shown);
    return {KeyAction::Redraw};
  case kKeyPageDown:
    moveSelection(state, page, shown);
    return {KeyAction::Redraw};
  case 'g':
  case kKeyHome:
    moveSelection(state, -all, shown);
    return {KeyAction::Redraw};
  case 'G':
  case kKeyEnd:
    moveSelection(state, all, shown);
    return {KeyAction::Redraw};
  case ' ':
    // The first press with nothing selected selects, rather than switching
    // a section the user has not seen highlighted.
    if (!state.selected || std::find(shown.begin(), shown.end(), *state.selected) == shown.end()) {
      moveSelection(state, 0, shown);
      return {KeyAction::Redraw};
    }
    return {KeyAction::SwitchSection, *state.selected};
  }
  return {KeyAction::None};
}

std::vector<const SectionFigures *> orderedSections(const ProfileFigures &figures,
                                                    const LiveViewState &state) {
  std::vector<const SectionFigures *> order;
  for (const SectionFigures &s : figures.sections)
    order.push_back(&s);
  if (state.sort == SortKey::Tree)
    return order;
  std::stable_sort(order.begin(), order.end(), [&](const SectionFigures *a, const SectionFigures *b) {
    std::optional<double> x = sortValue(*a, state.sort), y = sortValue(*b, state.sort);
    if (!x || !y)
      return x.has_value() && !y.has_value();
    return state.ascending ? *x < *y : *x > *y;
  });
  return order;
}

std::string keysLine() {
  return "q quit  p pause  space on/off  j/k select  sort: c count t total m mean i incl "
         "s self n tree";
}

std::string statusLine(const LiveViewState &state, const std::string &selectedName,
                       bool selectedOn) {
  std::string line = std::string("sorted by ") + sortName(state.sort);
  if (state.sort != SortKey::Tree)
    line += state.ascending ? ", smallest first" : ", largest first";
  if (!selectedName.empty())
    line += "  selected: " + selectedName + (selectedOn ? " (on)" : " (off)");
  if (state.paused)
    line += "  PAUSED: figures held, still counting (p resumes)";
  return line;
}

} // namespace inxpect
