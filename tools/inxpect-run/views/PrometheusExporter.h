// Serves the live figures at http://ADDR:PORT/metrics for Prometheus, through
// prometheus-cpp (Debian's prometheus-cpp-dev). It listens only on the
// address it is given.
#pragma once

#include <memory>
#include <string>

#include "profile/Figures.h"

namespace prometheus {
class Exposer;
}

namespace inxpect {

class FiguresCollectable;

class PrometheusExporter {
public:
  // Starts listening on "ADDR:PORT". Throws RunError when the address cannot
  // be bound (in use, not an address of this host).
  PrometheusExporter(const std::string &address, const ProfileInfo &info);
  ~PrometheusExporter();
  PrometheusExporter(const PrometheusExporter &) = delete;
  PrometheusExporter &operator=(const PrometheusExporter &) = delete;

  // The figures the next scrape returns.
  void publish(const ProfileFigures &figures);

private:
  std::shared_ptr<FiguresCollectable> collectable_;
  std::unique_ptr<prometheus::Exposer> exposer_;
};

// The exposition text for `figures` (what a scrape returns), for tests.
std::string prometheusText(const ProfileInfo &info, const ProfileFigures &figures);

} // namespace inxpect
