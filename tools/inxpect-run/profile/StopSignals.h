// Ctrl-C and SIGTERM end a live profile cleanly: the handlers only raise a
// flag, and the profile loop notices it within a tick, prints its final
// report and lets destructors detach the program.
#pragma once

namespace inxpect {

// Installs the handlers for SIGINT and SIGTERM (and ignores SIGPIPE, so a
// closed pipe ends the output with an error rather than killing us before
// the program is detached).
void installStopHandlers();
bool stopRequested();
// Sleeps up to `seconds`, returning early (true) when a stop was requested.
bool sleepUnlessStopped(double seconds);

} // namespace inxpect
