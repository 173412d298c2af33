// The live table's keys, without a terminal: sort orders, the selection
// moving and stopping at both ends, a section switched, pause, quit, and
// what the status line says.
#include "views/LiveKeys.h"

#include <deque>

#include <gtest/gtest.h>

using namespace inxpect;

namespace {

// Four sections in tree order (ids 0..3) with figures chosen so that each
// sort key gives its own order; section 3 was never measured.
struct Sample {
  std::deque<SectionRow> rows;
  ProfileFigures figures;

  Sample() {
    struct Row {
      const char *name;
      uint64_t count, total;
      std::optional<double> incl, self;
    };
    const Row table[] = {{"parse", 10, 500, 40.0, 10.0},
                         {"lookup", 30, 300, 8.0, 8.0},
                         {"rewrite", 20, 900, 45.0, 2.0},
                         {"never", 0, 0, std::nullopt, std::nullopt}};
    for (unsigned id = 0; id < 4; ++id) {
      rows.push_back({id, table[id].name, "function", std::nullopt, 0});
      SectionFigures s;
      s.row = &rows.back();
      s.count = table[id].count;
      EventFigures e;
      e.count = table[id].count;
      e.total = table[id].total;
      if (e.count)
        e.mean = static_cast<double>(e.total) / e.count;
      e.inclusiveMean = table[id].incl;
      e.selfMean = table[id].self;
      s.events = {e};
      figures.sections.push_back(s);
    }
  }
};

std::vector<std::string> namesInOrder(const Sample &sample, const LiveViewState &state) {
  std::vector<std::string> names;
  for (const SectionFigures *s : orderedSections(sample.figures, state))
    names.push_back(s->row->name);
  return names;
}

using Names = std::vector<std::string>;
const std::vector<unsigned> kTreeOrder = {0, 1, 2, 3};

} // namespace

TEST(RunLiveKeys, EachSortKeyOrdersByItsFigureLargestFirstAndUnmeasuredLast) {
  Sample sample;
  LiveViewState state;
  EXPECT_EQ(namesInOrder(sample, state), (Names{"parse", "lookup", "rewrite", "never"}))
      << "the table's own order at the start";
  // count: 30, 20, 10, 0 (counts are figures even when 0)
  EXPECT_EQ(onKey(state, 'c', kTreeOrder).kind, KeyAction::Redraw);
  EXPECT_EQ(state.sort, SortKey::Count);
  EXPECT_EQ(namesInOrder(sample, state), (Names{"lookup", "rewrite", "parse", "never"}));
  onKey(state, 't', kTreeOrder); // 900, 500, 300
  EXPECT_EQ(namesInOrder(sample, state), (Names{"rewrite", "parse", "lookup", "never"}));
  onKey(state, 'm', kTreeOrder); // 50, 45, 10
  EXPECT_EQ(namesInOrder(sample, state), (Names{"parse", "rewrite", "lookup", "never"}));
  onKey(state, 'i', kTreeOrder); // 45, 40, 8
  EXPECT_EQ(namesInOrder(sample, state), (Names{"rewrite", "parse", "lookup", "never"}));
  onKey(state, 's', kTreeOrder); // 10, 8, 2
  EXPECT_EQ(namesInOrder(sample, state), (Names{"parse", "lookup", "rewrite", "never"}));
  onKey(state, 'n', kTreeOrder);
  EXPECT_EQ(state.sort, SortKey::Tree);
  EXPECT_EQ(namesInOrder(sample, state), (Names{"parse", "lookup", "rewrite", "never"}));
}

TEST(RunLiveKeys, TheSameSortKeyAgainReversesTheOrderAndAnotherStartsLargestFirst) {
  Sample sample;
  LiveViewState state;
  onKey(state, 'c', kTreeOrder);
  onKey(state, 'c', kTreeOrder);
  EXPECT_TRUE(state.ascending);
  EXPECT_EQ(namesInOrder(sample, state), (Names{"never", "parse", "rewrite", "lookup"}))
      << "0 is a count: it sorts with the others";
  onKey(state, 's', kTreeOrder);
  EXPECT_FALSE(state.ascending);
  onKey(state, 's', kTreeOrder);
  EXPECT_EQ(namesInOrder(sample, state), (Names{"rewrite", "lookup", "parse", "never"}))
      << "a section with no self figure stays last either way";
  onKey(state, 'n', kTreeOrder);
  onKey(state, 'n', kTreeOrder);
  EXPECT_FALSE(state.ascending) << "the tree order has no direction";
}

TEST(RunLiveKeys, TheSelectionMovesAlongTheRowsShownAndStopsAtBothEnds) {
  LiveViewState state;
  const std::vector<unsigned> shown = {2, 0, 3, 1}; // as some sort shows them
  EXPECT_EQ(onKey(state, 'j', shown).kind, KeyAction::Redraw);
  EXPECT_EQ(state.selected, 2u) << "the first key selects the first row shown";
  onKey(state, 'j', shown);
  EXPECT_EQ(state.selected, 0u);
  onKey(state, kKeyDown, shown);
  EXPECT_EQ(state.selected, 3u);
  onKey(state, 'j', shown);
  onKey(state, 'j', shown);
  EXPECT_EQ(state.selected, 1u) << "stops at the last row";
  onKey(state, 'k', shown);
  EXPECT_EQ(state.selected, 3u);
  onKey(state, kKeyUp, shown);
  onKey(state, kKeyUp, shown);
  onKey(state, kKeyUp, shown);
  EXPECT_EQ(state.selected, 2u) << "stops at the first row";
  onKey(state, 'G', shown);
  EXPECT_EQ(state.selected, 1u);
  onKey(state, kKeyHome, shown);
  EXPECT_EQ(state.selected, 2u);
  onKey(state, kKeyEnd, shown);
  EXPECT_EQ(state.selected, 1u);
  onKey(state, 'g', shown);
  EXPECT_EQ(state.selected, 2u);
}

TEST(RunLiveKeys, PagesMoveByTheRowsThatFit) {
  LiveViewState state;
  state.pageRows = 3;
  const std::vector<unsigned> shown = {0, 1, 2, 3, 4, 5, 6, 7};
  state.selected = 1;
  onKey(state, kKeyPageDown, shown);
  EXPECT_EQ(state.selected, 4u);
  onKey(state, kKeyPageDown, shown);
  onKey(state, kKeyPageDown, shown);
  EXPECT_EQ(state.selected, 7u);
  onKey(state, kKeyPageUp, shown);
  EXPECT_EQ(state.selected, 4u);
}

TEST(RunLiveKeys, TheSelectionFollowsItsSectionWhenTheOrderChanges) {
  Sample sample;
  LiveViewState state;
  state.selected = 2; // rewrite, third in the tree order
  onKey(state, 't', kTreeOrder);
  std::vector<unsigned> byTotal;
  for (const SectionFigures *s : orderedSections(sample.figures, state))
    byTotal.push_back(s->row->id);
  EXPECT_EQ(state.selected, 2u) << "still rewrite";
  onKey(state, 'j', byTotal);
  EXPECT_EQ(state.selected, 0u) << "parse comes after rewrite by total";
}

TEST(RunLiveKeys, SpaceSwitchesTheSelectedSection) {
  LiveViewState state;
  KeyAction first = onKey(state, ' ', kTreeOrder);
  EXPECT_EQ(first.kind, KeyAction::Redraw) << "nothing selected: space only selects";
  EXPECT_EQ(state.selected, 0u);
  onKey(state, 'j', kTreeOrder);
  KeyAction action = onKey(state, ' ', kTreeOrder);
  EXPECT_EQ(action.kind, KeyAction::SwitchSection);
  EXPECT_EQ(action.section, 1u);
  EXPECT_EQ(onKey(state, ' ', kTreeOrder).kind, KeyAction::SwitchSection)
      << "again: the session switches it back";
}

TEST(RunLiveKeys, PauseTogglesAndQuitEnds) {
  LiveViewState state;
  EXPECT_EQ(onKey(state, 'p', kTreeOrder).kind, KeyAction::Redraw);
  EXPECT_TRUE(state.paused);
  onKey(state, 'c', kTreeOrder);
  EXPECT_TRUE(state.paused) << "sorting does not resume";
  onKey(state, 'p', kTreeOrder);
  EXPECT_FALSE(state.paused);
  EXPECT_EQ(onKey(state, 'q', kTreeOrder).kind, KeyAction::Quit);
  EXPECT_EQ(onKey(state, 'Q', kTreeOrder).kind, KeyAction::Quit);
  EXPECT_EQ(onKey(state, 'x', kTreeOrder).kind, KeyAction::None) << "other keys do nothing";
}

TEST(RunLiveKeys, TheStatusLineSaysTheOrderTheSelectionAndThePause) {
  LiveViewState state;
  EXPECT_EQ(statusLine(state, "", true), "sorted by tree (as nested)");
  onKey(state, 'c', kTreeOrder);
  onKey(state, 'p', kTreeOrder);
  EXPECT_EQ(statusLine(state, "parse", false),
            "sorted by count, largest first  selected: parse (off)  "
            "PAUSED: figures held, still counting (p resumes)");
  for (const char *key : {"q quit", "p pause", "space on/off", "j/k", "c count", "t total",
                          "m mean", "i incl", "s self", "n tree"})
    EXPECT_NE(keysLine().find(key), std::string::npos) << key;
}
