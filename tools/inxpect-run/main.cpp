// inxpect-run: profiles instrumented XDP programs (see --help).
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/AttachCommand.h"
#include "cli/CompareCommand.h"
#include "cli/ListCommand.h"
#include "counters/CounterSource.h"
#include "cli/Options.h"
#include "cli/ReplayCommand.h"
#include "cli/RunCommand.h"
#include "RunError.h"
#include "Version.h"

#include <bpf/libbpf.h>

int main(int argc, char **argv) {
  using namespace inxpect;
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    Command command = parseCommandLine(args);
    switch (command.kind) {
    case Command::Kind::Help:
      std::cout << command.helpText;
      break;
    case Command::Kind::Version:
      std::cout << "inxpect-run: " << inxpectVersion() << "\nbuilt with libbpf "
                << INXPECT_LIBBPF_VERSION << ", running with libbpf " << libbpf_version_string()
                << "\n";
      break;
    case Command::Kind::ListEvents: {
      CounterSource source = detectCounterSource();
      std::cout << source.describe() << "\nevents:\n";
      for (const std::string &e : offeredEvents(source))
        std::cout << "  " << e << "\n";
      break;
    }
    case Command::Kind::Replay:
      runReplay(command.replay, std::cout, std::cerr);
      break;
    case Command::Kind::Compare:
      return runCompare(command.compare, std::cout, std::cerr);
    case Command::Kind::Run:
      runLive(command.run, std::cout, std::cerr);
      break;
    case Command::Kind::Attach:
      attachLive(command.attach, std::cout, std::cerr);
      break;
    case Command::Kind::List:
      listPrograms(command.list, std::cout, std::cerr);
      break;
    }
    return 0;
  } catch (const UsageError &e) {
    std::cerr << "inxpect-run: error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception &e) {
    std::cerr << "inxpect-run: error: " << e.what() << "\n";
    return 1;
  }
}
