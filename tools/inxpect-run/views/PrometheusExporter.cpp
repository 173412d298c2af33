#include "views/PrometheusExporter.h"

#include <cerrno>
#include <cstring>
#include <mutex>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <CivetServer.h>

#include "RunError.h"
#include "views/PrometheusMetrics.h"

namespace inxpect {

namespace {

// Why `address` (HOST:PORT, [V6]:PORT) cannot be listened on, found by
// binding it: civetweb's own error ("null context when constructing
// CivetServer") says nothing of the cause.
std::string whyNotListening(const std::string &address) {
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

void reply(mg_connection *conn, const char *type, const std::string &body) {
  mg_send_http_ok(conn, type, static_cast<long long>(body.size()));
  mg_write(conn, body.data(), body.size());
}

} // namespace

// civetweb calls the handlers from its own thread; publish() from the
// profile's: the figures are swapped under a mutex.
class MetricsServer : public CivetHandler {
public:
  MetricsServer(const std::string &address, const ProfileInfo &info)
      : info_(info), server_({"listening_ports", address, "num_threads", "2"}) {
    server_.addHandler("/", this);
  }
  ~MetricsServer() override { server_.close(); }

  void publish(const ProfileFigures &figures) {
    std::lock_guard<std::mutex> lock(mutex_);
    figures_ = figures;
    // The figures point into the section table: point them into our copy.
    for (std::size_t i = 0; i < figures_.sections.size() && i < info_.sections.size(); ++i)
      figures_.sections[i].row = &info_.sections.rows()[i];
  }

  bool handleGet(CivetServer *, mg_connection *conn) override {
    std::string uri = mg_get_request_info(conn)->local_uri;
    if (uri == "/metrics") {
      std::string text;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        text = prometheusText(info_, figures_);
      }
      reply(conn, "text/plain; version=0.0.4; charset=utf-8", text);
    } else if (uri == "/") {
      reply(conn, "text/html; charset=utf-8",
            "<!DOCTYPE html>\n<html><head><title>inxpect-run</title></head><body>\n"
            "<h1>inxpect-run</h1>\n<p>Profiling " + htmlEscaped(info_.program) +
                ": each section's entries and cost, for Prometheus at "
                "<a href=\"/metrics\">/metrics</a>.</p>\n</body></html>\n");
    } else {
      mg_send_http_error(conn, 404, "not found: inxpect-run serves / and /metrics\n");
    }
    return true;
  }

private:
  static std::string htmlEscaped(const std::string &text) {
    std::string out;
    for (char c : text)
      out += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : std::string(1, c);
    return out;
  }

  ProfileInfo info_;
  std::mutex mutex_;
  ProfileFigures figures_;
  CivetServer server_;
};

PrometheusExporter::PrometheusExporter(const std::string &address, const ProfileInfo &info) {
  try {
    server_ = std::make_unique<MetricsServer>(address, info);
  } catch (const CivetException &e) {
    std::string why = whyNotListening(address);
    throw RunError("cannot serve Prometheus metrics on " + address + ": " +
                   (why.empty() ? std::string(e.what()) : why) +
                   "; try another, e.g. --prometheus 127.0.0.1:9435");
  }
}

PrometheusExporter::~PrometheusExporter() = default;

void PrometheusExporter::publish(const ProfileFigures &figures) { server_->publish(figures); }

} // namespace inxpect
