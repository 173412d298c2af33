/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internet checksums for the examples (RFC 1071, updated in place as in
 * RFC 1624). The one's complement sum does not depend on byte order as long
 * as every word is taken as it lies in memory, so nothing is swapped here.
 */
#ifndef EXAMPLES_CHECKSUM_H
#define EXAMPLES_CHECKSUM_H

#include <linux/types.h>

static __always_inline __u16 csum_fold(__u32 sum)
{
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__u16)~sum;
}

/* The checksum over `words` 16-bit words, e.g. an IPv4 header. */
static __always_inline __u16 csum_words(const __u16 *data, int words)
{
	__u32 sum = 0;

#pragma unroll
	for (int i = 0; i < words; i++)
		sum += data[i];
	return csum_fold(sum);
}

/* HC' = ~(~HC + ~m + m') for a 32-bit field changing from `from` to `to`. */
static __always_inline void csum_replace4(__sum16 *sum, __be32 from, __be32 to)
{
	__u32 s = (__u16)~*sum;

	s += (__u16)~(from & 0xffff) + (__u16)~(from >> 16);
	s += (to & 0xffff) + (to >> 16);
	*sum = csum_fold(s);
}

static __always_inline void csum_replace2(__sum16 *sum, __be16 from, __be16 to)
{
	__u32 s = (__u16)~*sum;

	s += (__u16)~from + to;
	*sum = csum_fold(s);
}

#endif
