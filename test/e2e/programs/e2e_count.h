/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Each function of an e2e program counts its own entries in a global named
 * entered_<function>, so the test can hold inxpect's section counts against
 * a count kept independently of the probes.
 */
#ifndef E2E_COUNT_H
#define E2E_COUNT_H

#define COUNTER(name) __u64 entered_##name
#define ENTERED(name) __sync_fetch_and_add(&entered_##name, 1)

#endif
