// Folded stacks, what flamegraph.pl, inferno and speedscope read: one line a
// run-time stack of sections, `outer;inner;innermost VALUE`, VALUE the
// innermost section's self cost over the profile in the first event's unit,
// a whole number (profile/CallStacks). Written once, from the final
// figures: a stack's value is a total, and a live profile's intervals
// would only repeat the stacks.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "profile/CallStacks.h"
#include "views/View.h"

namespace inxpect {

namespace {

// ';' separates frames and the last space the value: neither in a name.
std::string frameName(std::string name) {
  for (char &c : name)
    if (c == ';' || std::isspace(static_cast<unsigned char>(c)))
      c = '_';
  return name;
}

class FoldedView : public ProfileView {
public:
  explicit FoldedView(std::ostream &out) : out_(out) {}

  void show(const ProfileInfo &, const ProfileFigures &f) override {
    if (!f.final)
      return;
    std::vector<std::string> lines;
    for (const CallStack &stack : callStacks(f).stacks) {
      long long value = std::llround(stack.value);
      if (value <= 0)
        continue; // no cost, no width: flame graphs leave such frames out
      std::string line;
      for (unsigned id : stack.sections)
        line += (line.empty() ? "" : ";") + frameName(f.sections[id].row->name);
      lines.push_back(line + " " + std::to_string(value));
    }
    std::sort(lines.begin(), lines.end());
    for (const std::string &line : lines)
      out_ << line << "\n";
    out_.flush();
  }

private:
  std::ostream &out_;
};

} // namespace

std::unique_ptr<ProfileView> makeFoldedView(std::ostream &out) {
  return std::make_unique<FoldedView>(out);
}

} // namespace inxpect
