// compare --deterministic: the same comparison run by the same inxpect-run
// inside a QEMU guest under -icount (bench/guest_driver.sh --relay),
// its output and exit status relayed as they are.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "cli/Options.h"

namespace inxpect {

// Where the guest finds the staged files.
inline constexpr const char *kGuestObjectA = "/objects/a.o";
inline constexpr const char *kGuestObjectB = "/objects/b.o";
inline constexpr const char *kGuestPcap = "/objects/traffic.pcap";

// The command line (after the program's name) that runs `options`'
// comparison in the guest: the objects and the capture at the guest's paths,
// without --deterministic and --output (the host writes the output).
std::vector<std::string> guestCompareArguments(const CompareOptions &options);

// The environment that places compare --deterministic's guest.
inline constexpr const char *kGuestDriverVariable = "INXPECT_GUEST_DRIVER";
inline constexpr const char *kVmCacheVariable = "INXPECT_VM_CACHE";
inline constexpr const char *kGuestTimeoutVariable = "INXPECT_GUEST_TIMEOUT"; // read by the driver

// The guest's driver script and where it caches Debian's kernel.
struct GuestDriver {
  std::string script, vmCache;
};
// For this program's file `self`: the script is `environmentScript`
// ($INXPECT_GUEST_DRIVER) when set, else the installed one
// (PREFIX/share/inxpect/guest/guest_driver.sh beside PREFIX/bin), else the
// source tree's bench/guest_driver.sh (a build tree's program). The cache is
// `environmentCache` ($INXPECT_VM_CACHE) when set, else the build tree's
// vm-cache (the VM tests') for a build tree's program, else
// `userCache`/inxpect/vm-cache (~/.cache), /var/cache/inxpect without one.
GuestDriver guestDriver(const std::string &self, const std::string &environmentScript,
                        const std::string &environmentCache, const std::string &userCache);

// Runs the comparison in the guest; writes its output, the objects named by
// their paths here, to `out` (or --output) and returns its exit status: 0 or 3. Throws RunError when the
// guest cannot run it (no QEMU, no kernel, an error inside).
int runCompareInGuest(const CompareOptions &options, std::ostream &out);

// Set inside the guest: the clock there counts instructions, so the
// comparison labels its unit "insns" instead of "ns".
inline constexpr const char *kIcountGuestVariable = "INXPECT_ICOUNT_GUEST";

} // namespace inxpect
