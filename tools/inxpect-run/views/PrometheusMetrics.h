// The figures as Prometheus metrics, named as its naming guide asks: the
// quantity and its base unit in the name (seconds for the clock, cycles,
// or the counted event itself), `_total` on counters, and labels for the
// program, the section, its kind and the event.
#pragma once

#include <string>
#include <vector>

#include <prometheus/metric_family.h>

#include "profile/Figures.h"

namespace inxpect {

std::vector<prometheus::MetricFamily> prometheusFamilies(const ProfileInfo &info,
                                                         const ProfileFigures &figures);

// The exposition text of those families (what a scrape of /metrics returns).
std::string prometheusText(const ProfileInfo &info, const ProfileFigures &figures);

} // namespace inxpect
