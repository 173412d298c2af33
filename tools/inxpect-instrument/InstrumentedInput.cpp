#include "InstrumentedInput.h"

namespace inxpect {

std::optional<unsigned> findInstrumentedMarker(const SourceTokens &tokens) {
  for (const RawToken &t : tokens.tokens())
    if (t.identifier == "INXPECT_OBJECT")
      return t.begin;
  return std::nullopt;
}

} // namespace inxpect
