// SPDX-License-Identifier: GPL-2.0
/*
 * The probes' histogram bucket, computed in BPF for values the test writes
 * into `values`: HistogramBucketTest compares `buckets` with inxpect-run's
 * histogramBucket(), so the two can never disagree unnoticed.
 */
#include "inxpect.h"

#define NVALUES 256

/* Each array in a section of its own: a map libbpf makes of it alone. */
inxpect_u64 values[NVALUES] __attribute__((section(".data.values"))); /* set before load */
inxpect_u32 buckets[NVALUES] __attribute__((section(".data.buckets")));

__attribute__((section("xdp"), used)) int hist_buckets(void *ctx)
{
	for (int i = 0; i < NVALUES; i++)
		buckets[i] = inxpect_hist_bucket(values[i]);
	return 2; /* XDP_PASS */
}

char LICENSE[] __attribute__((section("license"), used)) = "GPL";

INXPECT_OBJECT(1, 0, "{\"inxpect_self\":1,\"hash\":\"0x0\",\"sections\":[]}");
