// SPDX-License-Identifier: GPL-2.0
/*
 * What the probes cost, measured with the probes themselves: inxpect-run
 * runs this object with BPF_PROG_TEST_RUN before a profile, reading the
 * counter the profile reads. Written as inxpect-instrument would write it
 * (same header, same macros), so its probes are the profile's probes:
 *  - section 0, `empty`, holds nothing: its reading is what a section's own
 *    probes leave inside it;
 *  - section 1, `outer`, calls the 8 empty functions 2..9, each a function
 *    section as --per-function makes it: its reading less the empty one's,
 *    over 8, is what a section entered inside another adds to the outer
 *    one's reading. Functions, not regions: a profile's nested entries are
 *    mostly functions (helpers called many times), whose probes cost a few
 *    instructions more in place than a region's. Measured with
 *    bench/accuracy.sh in the guest (corrected entry cost / bare, the worst
 *    of the function modes): empty regions 1.23, empty functions 1.18 (cms
 *    0.89-0.91), functions keeping two values live across their probes 0.69
 *    on cms: what a probe costs in place varies from site to site.
 * Built with the runner (CMake) and embedded in it. Its table is complete
 * (each section's function too), so inxpect-run list names its sections
 * while a session has it loaded.
 */
#include "inxpect.h"

#define XDP_PASS 2
/* Keeps clang from merging or moving the empty sections. */
#define NOTHING() asm volatile("" ::: "memory")
#define EMPTY(id) { INXPECT_SCOPE(id); NOTHING(); }
#define EMPTY_FUNCTION(n, id)                                                   \
	static __attribute__((always_inline)) inline void inner_##n(void)        \
	{                                                                         \
		INXPECT_FUNCTION(id);                                             \
		NOTHING();                                                        \
	}
EMPTY_FUNCTION(0, 2) EMPTY_FUNCTION(1, 3) EMPTY_FUNCTION(2, 4) EMPTY_FUNCTION(3, 5)
EMPTY_FUNCTION(4, 6) EMPTY_FUNCTION(5, 7) EMPTY_FUNCTION(6, 8) EMPTY_FUNCTION(7, 9)

__attribute__((section("xdp"), used)) int inxpect_calibrate_empty(void *ctx)
{
	INXPECT_RUN();
	EMPTY(0)
	return XDP_PASS;
}

__attribute__((section("xdp"), used)) int inxpect_calibrate_nested(void *ctx)
{
	INXPECT_RUN();
	{
		INXPECT_SCOPE(1);
		inner_0(); inner_1(); inner_2(); inner_3();
		inner_4(); inner_5(); inner_6(); inner_7();
	}
	return XDP_PASS;
}
char LICENSE[] __attribute__((section("license"), used)) = "GPL";

INXPECT_OBJECT(10, 0,
	"{\"inxpect_self\":1,\"hash\":\"0x0\",\"sections\":["
	"{\"id\":0,\"name\":\"empty\",\"kind\":\"region\",\"function\":\"inxpect_calibrate_empty\",\"parent\":null},"
	"{\"id\":1,\"name\":\"outer\",\"kind\":\"region\",\"function\":\"inxpect_calibrate_nested\",\"parent\":null},"
	"{\"id\":2,\"name\":\"inner_0\",\"kind\":\"function\",\"function\":\"inner_0\",\"parent\":1},"
	"{\"id\":3,\"name\":\"inner_1\",\"kind\":\"function\",\"function\":\"inner_1\",\"parent\":1},"
	"{\"id\":4,\"name\":\"inner_2\",\"kind\":\"function\",\"function\":\"inner_2\",\"parent\":1},"
	"{\"id\":5,\"name\":\"inner_3\",\"kind\":\"function\",\"function\":\"inner_3\",\"parent\":1},"
	"{\"id\":6,\"name\":\"inner_4\",\"kind\":\"function\",\"function\":\"inner_4\",\"parent\":1},"
	"{\"id\":7,\"name\":\"inner_5\",\"kind\":\"function\",\"function\":\"inner_5\",\"parent\":1},"
	"{\"id\":8,\"name\":\"inner_6\",\"kind\":\"function\",\"function\":\"inner_6\",\"parent\":1},"
	"{\"id\":9,\"name\":\"inner_7\",\"kind\":\"function\",\"function\":\"inner_7\",\"parent\":1}]}");
