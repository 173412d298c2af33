#include "cli/OptionTable.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include "RunError.h"

namespace inxpect {

namespace {

const OptionSpec *findOption(const std::vector<const OptionGroup *> &groups,
                             const std::string &name) {
  for (const OptionGroup *group : groups)
    for (const OptionSpec *spec : group->options)
      if (name == spec->name)
        return spec;
  return nullptr;
}

UsageError unknownOption(const std::string &name, const std::vector<const OptionGroup *> &groups,
                         const std::string &seeHelp) {
  std::vector<std::string> names;
  for (const OptionGroup *group : groups)
    for (const OptionSpec *spec : group->options)
      names.push_back(spec->name);
  // -sample and --smaple both mean --sample: compare without the dashes.
  auto undashed = [](const std::string &s) {
    std::size_t start = s.find_first_not_of('-');
    return start == std::string::npos ? std::string() : s.substr(start);
  };
  std::vector<std::string> bare;
  for (const std::string &n : names)
    bare.push_back(undashed(n));
  if (auto near = closestName(undashed(name), bare))
    return UsageError("unknown option " + name + " (did you mean --" + *near + "?)");
  return UsageError("unknown option " + name + seeHelp);
}

// Edit distance counting a swap of two neighbours as one edit (optimal string
// alignment): "smaple" is one edit from "sample".
std::size_t editDistance(const std::string &a, const std::string &b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i)
    d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j)
    d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                          d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

} // namespace

std::vector<std::string> parseOptions(const std::vector<std::string> &args,
                                      const std::vector<const OptionGroup *> &groups,
                                      CommonOptions &into, const std::string &seeHelp) {
  std::vector<std::string> positional;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string &arg = args[i];
    if (arg.size() < 2 || arg[0] != '-') {
      positional.push_back(arg); // "-" alone too: a path some tools read as stdin
      continue;
    }
    std::string name = arg;
    std::optional<std::string> inlineValue;
    if (auto eq = arg.find('='); eq != std::string::npos && arg.compare(0, 2, "--") == 0) {
      name = arg.substr(0, eq);
      inlineValue = arg.substr(eq + 1);
    }
    const OptionSpec *spec = findOption(groups, name);
    if (!spec)
      throw unknownOption(name, groups, seeHelp);
    if (!spec->metavar) {
      if (inlineValue)
        throw UsageError(name + " takes no value");
      spec->set(into, "");
    } else if (inlineValue) {
      spec->set(into, *inlineValue);
    } else if (i + 1 < args.size()) {
      spec->set(into, args[++i]);
    } else if (spec->valueWhenLast) {
      spec->set(into, spec->valueWhenLast);
    } else {
      throw UsageError(name + " needs a value" + seeHelp);
    }
  }
  return positional;
}

std::string formatOptions(const std::vector<const OptionGroup *> &groups) {
  auto label = [](const OptionSpec &spec) {
    return std::string(spec.name) + (spec.metavar ? std::string(" ") + spec.metavar : "");
  };
  std::size_t width = 0;
  for (const OptionGroup *group : groups)
    if (!group->namesOnly)
      for (const OptionSpec *spec : group->options)
        width = std::max(width, label(*spec).size());
  std::string out;
  for (const OptionGroup *group : groups) {
    out += std::string(group->title) + ":\n";
    if (group->namesOnly) {
      std::string names;
      for (const OptionSpec *spec : group->options)
        names += (names.empty() ? "" : ", ") + std::string(spec->name);
      out += wrapText(names, 2, false);
      continue;
    }
    for (const OptionSpec *spec : group->options) {
      std::string left = "  " + label(*spec);
      out += left + std::string(width + 4 - left.size(), ' ');
      out += wrapText(spec->help, width + 4, true);
    }
  }
  return out;
}

std::optional<std::string> closestName(const std::string &typed,
                                       const std::vector<std::string> &names) {
  // Close means a slip of the fingers: two edits at most, fewer in short words.
  std::size_t allowed = std::min<std::size_t>(2, std::max<std::size_t>(1, typed.size() / 3));
  std::optional<std::string> best;
  std::size_t bestDistance = allowed + 1;
  for (const std::string &name : names)
    if (std::size_t d = editDistance(typed, name); d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  return best;
}

// Positive integers only: a zero pass count or sampling rate measures nothing.
unsigned long long positiveNumber(const std::string &option, const std::string &text,
                                  unsigned long long max) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
    throw UsageError(option + " expects a positive whole number, got \"" + text + "\"");
  errno = 0;
  unsigned long long v = std::strtoull(text.c_str(), nullptr, 10);
  if (errno == ERANGE || v == 0 || v > max)
    throw UsageError(option + " must be between 1 and " + std::to_string(max) + ", got " + text);
  return v;
}

double positiveSeconds(const std::string &option, const std::string &text) {
  char *end = nullptr;
  errno = 0;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || errno == ERANGE || !(v > 0) || v > 31536000)
    throw UsageError(option + " expects a number of seconds greater than 0 (e.g. 0.5, 10), got \"" +
                     text + "\"");
  return v;
}

std::vector<std::string> splitList(const std::string &text) {
  std::vector<std::string> items;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t comma = text.find(',', begin);
    if (comma == std::string::npos)
      comma = text.size();
    if (comma > begin)
      items.push_back(text.substr(begin, comma - begin));
    begin = comma + 1;
  }
  return items;
}

} // namespace inxpect
