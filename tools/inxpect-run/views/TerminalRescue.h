// A fatal signal while the live screen is up (Ctrl-\'s SIGQUIT, an abort,
// a crash) ends the process with no destructor run, which would leave the
// terminal without echo and on the screen's alternate page. These handlers
// put it back first (the mode saved before the screen took it, the
// sequences that leave the screen), then let the signal do what it does.
// Ctrl-C and SIGTERM are not among them: they end the session cleanly.
#pragma once

#include <string>
#include <termios.h>

namespace inxpect {

void armTerminalRescue(const termios &lineMode, const std::string &leaveScreen);
void disarmTerminalRescue();

} // namespace inxpect
