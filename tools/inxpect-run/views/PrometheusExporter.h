// Serves the live figures for Prometheus at http://ADDR:PORT/metrics
// (views/PrometheusMetrics names them), and at / a short page that links
// there, with civetweb (Debian's libcivetweb-dev). It listens only on the
// address it is given, and serves nothing but inxpect's own metrics.
#pragma once

#include <memory>
#include <string>

#include "profile/Figures.h"

namespace inxpect {

class MetricsServer;

class PrometheusExporter {
public:
  // Starts listening on "ADDR:PORT". Throws RunError saying why when it
  // cannot (the address in use, not one of this host's).
  PrometheusExporter(const std::string &address, const ProfileInfo &info);
  ~PrometheusExporter();
  PrometheusExporter(const PrometheusExporter &) = delete;
  PrometheusExporter &operator=(const PrometheusExporter &) = delete;

  // The figures the next scrape returns.
  void publish(const ProfileFigures &figures);

private:
  std::unique_ptr<MetricsServer> server_;
};

} // namespace inxpect
