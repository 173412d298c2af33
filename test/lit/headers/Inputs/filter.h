/* A filter whose whole program lives in a header. */
#ifndef FILTER_H
#define FILTER_H

#include "lib/bytes.h"

static __always_inline int too_short(void *data, void *end)
{
	return data + 8 > end;
}

SEC("xdp")
int filter(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;

	if (too_short(data, end))
		return XDP_DROP;
	return byte_sum(data, end) & 1 ? XDP_DROP : XDP_PASS;
}

#endif
