// The control-plane state an e2e program expects at run time: maps are
// empty at load, so the test fills them, identically in the original and
// the instrumented object, before any packet is run.
#pragma once

struct bpf_object;

namespace e2e {

// After load: fills every map of the object that has a seed here, by name
// (today: loadbalancer's `vips` and `maglev`). Maps without one are left alone.
void seedMaps(bpf_object *obj);

} // namespace e2e
