#ifndef SHARED_H
#define SHARED_H

static __attribute__((noinline)) int shared_check(int len)
{
	return len > 14;
}

#ifdef SHARED_STRICT
static __attribute__((noinline)) int shared_strict(int len) { return len <= 1500; }
#endif

#endif
