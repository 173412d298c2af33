// SPDX-License-Identifier: GPL-2.0
/*
 * What the probes cost, measured with the probes themselves: inxpect-run
 * runs this object with BPF_PROG_TEST_RUN before a profile, reading the
 * counter the profile reads. Written as inxpect-instrument would write it
 * (same header, same macros), so its probes are the profile's probes:
 *  - section 0, `empty`, holds nothing: its reading is what a section's own
 *    probes leave inside it;
 *  - section 1, `outer`, holds the 8 empty sections 2..9 back to back: its
 *    reading less the empty one's, over 8, is what a section entered inside
 *    another adds to the outer one's reading.
 * Built with the runner (CMake) and embedded in it.
 */
#include "inxpect.h"

#define XDP_PASS 2
/* Keeps clang from merging or moving the empty sections. */
#define NOTHING() asm volatile("" ::: "memory")
#define EMPTY(id) { INXPECT_SCOPE(id); NOTHING(); }

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
		EMPTY(2) EMPTY(3) EMPTY(4) EMPTY(5) EMPTY(6) EMPTY(7) EMPTY(8) EMPTY(9)
	}
	return XDP_PASS;
}

char LICENSE[] __attribute__((section("license"), used)) = "GPL";

INXPECT_OBJECT(10, 0,
	"{\"inxpect_self\":1,\"hash\":\"0x0\",\"sections\":["
	"{\"id\":0,\"name\":\"empty\",\"kind\":\"region\",\"parent\":null},"
	"{\"id\":1,\"name\":\"outer\",\"kind\":\"region\",\"parent\":null},"
	"{\"id\":2,\"name\":\"inner_0\",\"kind\":\"region\",\"parent\":1},"
	"{\"id\":3,\"name\":\"inner_1\",\"kind\":\"region\",\"parent\":1},"
	"{\"id\":4,\"name\":\"inner_2\",\"kind\":\"region\",\"parent\":1},"
	"{\"id\":5,\"name\":\"inner_3\",\"kind\":\"region\",\"parent\":1},"
	"{\"id\":6,\"name\":\"inner_4\",\"kind\":\"region\",\"parent\":1},"
	"{\"id\":7,\"name\":\"inner_5\",\"kind\":\"region\",\"parent\":1},"
	"{\"id\":8,\"name\":\"inner_6\",\"kind\":\"region\",\"parent\":1},"
	"{\"id\":9,\"name\":\"inner_7\",\"kind\":\"region\",\"parent\":1}]}");
