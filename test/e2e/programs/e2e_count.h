/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What an e2e program counts itself, so the test can hold inxpect's counts
 * against counts kept independently of the probes:
 *  - entered_<name>: entries of a function, region, range or manual trace
 *    named <name> (COUNTER + ENTERED);
 *  - entered_line[L]: entries of the loop whose keyword is on line L
 *    (LOOP_ENTERED, written on that line before the keyword, or in a for
 *    loop's init when nothing may come before the keyword), since loops are
 *    named by the rewriter after their line, not by us;
 *  - e2e_runs: runs of entry programs (RUN_STARTED, first thing in every
 *    SEC function), tail-called ones included;
 *  - e2e_tail_calls: tail calls that succeeded (TAIL_TRIED before
 *    bpf_tail_call, TAIL_FAILED after it, on the same line), whose target
 *    goes on with the caller's run: runs are e2e_runs - e2e_tail_calls.
 */
#ifndef E2E_COUNT_H
#define E2E_COUNT_H

#define E2E_MAX_LINES 1024

#define COUNTER(name) __u64 entered_##name
#define ENTERED(name) __sync_fetch_and_add(&entered_##name, 1)

/* A constant index past the array is a compile error (-Warray-bounds). */
__u64 entered_line[E2E_MAX_LINES];
#define LOOP_ENTERED() __sync_fetch_and_add(&entered_line[__LINE__], 1)

__u64 e2e_runs;
#define RUN_STARTED() __sync_fetch_and_add(&e2e_runs, 1)

__u64 e2e_tail_calls;
#define TAIL_TRIED() __sync_fetch_and_add(&e2e_tail_calls, 1)
#define TAIL_FAILED() __sync_fetch_and_sub(&e2e_tail_calls, 1)

#endif
