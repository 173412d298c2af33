/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NEED(ptr, end): leaves the program with XDP_DROP when *ptr does not fit in
 * the packet. The do-while(0) is a loop to --per-loop (a section at each
 * use), so it counts its entries on the line it is used on (e2e_count.h);
 * the return inside it leaves that loop section and every open one around.
 */
#ifndef E2E_NEED_H
#define E2E_NEED_H

#include "e2e_count.h"

#define NEED(ptr, end)                                        \
	do {                                                  \
		LOOP_ENTERED();                               \
		if ((void *)((ptr) + 1) > (void *)(end))      \
			return XDP_DROP;                      \
	} while (0)

#endif
