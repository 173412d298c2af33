#include "views/PrometheusExporter.h"

#include <cerrno>
#include <cstring>
#include <mutex>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <prometheus/collectable.h>
#include <prometheus/exposer.h>
#include <prometheus/text_serializer.h>

#include "RunError.h"

namespace inxpect {

namespace {

using prometheus::ClientMetric;
using prometheus::MetricFamily;
using prometheus::MetricType;

MetricFamily family(const std::string &name, const std::string &help, MetricType type) {
  MetricFamily f;
  f.name = name;
  f.help = help;
  f.type = type;
  return f;
}

ClientMetric metric(std::vector<ClientMetric::Label> labels, double value, MetricType type) {
  ClientMetric m;
  m.label = std::move(labels);
  if (type == MetricType::Counter)
    m.counter.value = value;
  else
    m.gauge.value = value;
  return m;
}

// Counters since profiling started (Prometheus computes rates itself), plus
// a gauge per mean so a dashboard needs no division.
std::vector<MetricFamily> families(const ProfileInfo &info, const ProfileFigures &f) {
  ClientMetric::Label program{"program", info.program};
  auto runs = family("inxpect_runs_total", "Runs of the entry program since profiling started",
                     MetricType::Counter);
  runs.metric.push_back(metric({program}, double(f.runs), MetricType::Counter));
  auto entries = family("inxpect_section_entries_total",
                        "Section entries measured since profiling started", MetricType::Counter);
  auto measured = family("inxpect_section_event_count_total",
                         "Section entries measured for an event", MetricType::Counter);
  auto total = family("inxpect_section_event_sum_total",
                      "Sum of an event's readings over a section's measured entries",
                      MetricType::Counter);
  auto mean = family("inxpect_section_event_mean",
                     "Mean of an event a measured entry of the section", MetricType::Gauge);
  auto inclusive = family("inxpect_section_event_inclusive_mean",
                          "Mean of an event a measured entry of the section, the probes' own "
                          "cost taken out",
                          MetricType::Gauge);
  auto self = family("inxpect_section_event_self_mean",
                     "Mean of an event a measured entry of the section, the probes' own cost "
                     "and the sections measured directly inside taken out",
                     MetricType::Gauge);
  auto quantile = family("inxpect_section_event_quantile",
                         "An event's value a measured entry of the section, the probes' own cost "
                         "taken out, at a quantile (1: the most); within 6.25%",
                         MetricType::Gauge);
  for (const SectionFigures &s : f.sections) {
    std::vector<ClientMetric::Label> labels = {program, {"section", s.row->name}, {"kind", s.row->kind}};
    entries.metric.push_back(metric(labels, double(s.count), MetricType::Counter));
    for (const EventFigures &e : s.events) {
      auto withEvent = labels;
      withEvent.push_back({"event", e.name});
      withEvent.push_back({"unit", e.unit});
      measured.metric.push_back(metric(withEvent, double(e.count), MetricType::Counter));
      total.metric.push_back(metric(withEvent, double(e.total), MetricType::Counter));
      if (e.mean)
        mean.metric.push_back(metric(withEvent, *e.mean, MetricType::Gauge));
      if (e.inclusiveMean)
        inclusive.metric.push_back(metric(withEvent, *e.inclusiveMean, MetricType::Gauge));
      if (e.selfMean)
        self.metric.push_back(metric(withEvent, *e.selfMean, MetricType::Gauge));
      if (const std::optional<Percentiles> &d = e.distribution)
        for (auto [q, v] : {std::pair{"0.5", d->p50}, {"0.9", d->p90}, {"0.99", d->p99}, {"1", d->max}}) {
          auto withQuantile = withEvent;
          withQuantile.push_back({"quantile", q});
          quantile.metric.push_back(metric(withQuantile, v, MetricType::Gauge));
        }
    }
  }
  return {runs, entries, measured, total, mean, inclusive, self, quantile};
}

} // namespace

// What the exposer's threads read at each scrape; publish() replaces it.
class FiguresCollectable : public prometheus::Collectable {
public:
  explicit FiguresCollectable(ProfileInfo info) : info_(std::move(info)) {
    figures_.sections.clear();
  }
  void publish(const ProfileFigures &figures) {
    std::lock_guard<std::mutex> lock(mutex_);
    figures_ = figures;
    // The figures point into the section table: point them into our copy.
    for (std::size_t i = 0; i < figures_.sections.size() && i < info_.sections.size(); ++i)
      figures_.sections[i].row = &info_.sections.rows()[i];
  }
  std::vector<MetricFamily> Collect() const override {
    std::lock_guard<std::mutex> lock(mutex_);
    return families(info_, figures_);
  }

private:
  ProfileInfo info_;
  mutable std::mutex mutex_;
  ProfileFigures figures_;
};

// Why `address` (HOST:PORT, [V6]:PORT) cannot be listened on, found by
// binding it: the exposer's own error ("null context when constructing
// CivetServer") says nothing of the cause.
static std::string whyNotListening(const std::string &address) {
  std::size_t colon = address.rfind(':');
  if (colon == std::string::npos)
    return "it is not HOST:PORT";
  std::string host = address.substr(0, colon), port = address.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  addrinfo hints{}, *found = nullptr;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  if (int rc = ::getaddrinfo(host.empty() ? nullptr : host.c_str(), port.c_str(), &hints, &found))
    return std::string("it does not resolve: ") + ::gai_strerror(rc);
  int err = 0;
  int fd = ::socket(found->ai_family, found->ai_socktype, found->ai_protocol);
  int on = 1;
  if (fd < 0 || ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0 ||
      ::bind(fd, found->ai_addr, found->ai_addrlen) != 0 || ::listen(fd, 1) != 0)
    err = errno;
  if (fd >= 0)
    ::close(fd);
  ::freeaddrinfo(found);
  if (err == EADDRINUSE)
    return "the address is in use: another program listens on port " + port +
           " (ss -ltnp 'sport = :" + port + "' names it)";
  if (err == EADDRNOTAVAIL)
    return "the address is not one of this host's";
  if (err == EACCES)
    return "ports under 1024 need root";
  return err ? std::strerror(err) : "";
}

PrometheusExporter::PrometheusExporter(const std::string &address, const ProfileInfo &info)
    : collectable_(std::make_shared<FiguresCollectable>(info)) {
  try {
    exposer_ = std::make_unique<prometheus::Exposer>(address, 1);
  } catch (const std::exception &e) {
    std::string why = whyNotListening(address);
    throw RunError("cannot serve Prometheus metrics on " + address + ": " +
                   (why.empty() ? std::string(e.what()) : why) +
                   "; try another, e.g. --prometheus 127.0.0.1:9435");
  }
  exposer_->RegisterCollectable(collectable_);
}

PrometheusExporter::~PrometheusExporter() = default;

void PrometheusExporter::publish(const ProfileFigures &figures) { collectable_->publish(figures); }

std::string prometheusText(const ProfileInfo &info, const ProfileFigures &figures) {
  return prometheus::TextSerializer().Serialize(families(info, figures));
}

} // namespace inxpect
