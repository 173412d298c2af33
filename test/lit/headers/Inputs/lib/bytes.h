#ifndef BYTES_H
#define BYTES_H

static __always_inline int byte_sum(const unsigned char *p, void *end)
{
	int sum = 0;

	for (int i = 0; i < 8; i++) {
		if ((void *)(p + i + 1) > end)
			break;
		sum += p[i];
	}
	return sum;
}

#endif
