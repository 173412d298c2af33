// inxpect-run: profiles instrumented XDP programs (see --help).
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "Options.h"
#include "ReplayCommand.h"
#include "RunError.h"

int main(int argc, char **argv) {
  using namespace inxpect;
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    Command command = parseCommandLine(args);
    if (command.kind == Command::Kind::Help) {
      std::cout << command.helpText;
      return 0;
    }
    runReplay(command.replay, std::cout, std::cerr);
    return 0;
  } catch (const UsageError &e) {
    std::cerr << "inxpect-run: error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception &e) {
    std::cerr << "inxpect-run: error: " << e.what() << "\n";
    return 1;
  }
}
